/**
 * The parts of the widget a reader who only reads never needs, each loaded
 * with `import()` the first time it is needed: the composer when a reader
 * starts writing (or a draft is waiting), the report dialog on "Melden", the
 * REST adapter when `src` is set, browser storage with `storage="local"`.
 *
 * In the script-tag module build (`dist/cdn/`) each is a file of its own
 * beside the entry, found relative to the file that imports it (so a CDN
 * path works as it is); a bundler splits the npm build at the same places;
 * the all-in-one `dist/article-comments.min.js` has them inside.
 *
 * Each loader starts its import once and hands every caller the same
 * promise; a failed one (the network) is tried again on the next call. (Some
 * browsers keep a module that failed to load as failed until the page is
 * reloaded, whatwg/html#6768: then the retry fails at once, and the German
 * message says to reload.)
 */

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** `<comment-reply>`, registered. */
export const loadComposer = once(() => import('./elements/comment-reply/define.js'));

/** `<comment-report>`, registered. */
export const loadReportDialog = once(() => import('./elements/comment-report/define.js'));

/** `RestAdapter` and the `HttpClient` it is built on. */
export const loadRest = once(async () => {
  const [{RestAdapter}, {HttpClient}] = await Promise.all([import('./adapters/rest-adapter.js'), import('./adapters/http.js')]);
  return {RestAdapter, HttpClient};
});

/** `BrowserStorageAdapter`. */
export const loadBrowserStorage = once(async () => {
  const {BrowserStorageAdapter} = await import('./adapters/browser-storage-adapter.js');
  return {BrowserStorageAdapter};
});

/** What `ArticleComments.load(name)` of the script-tag files resolves to, by name. */
export interface Parts {
  composer: {CommentReply: typeof import('./elements/comment-reply/comment-reply.js').CommentReply};
  report: {CommentReport: typeof import('./elements/comment-report/comment-report.js').CommentReport};
  rest: {
    RestAdapter: typeof import('./adapters/rest-adapter.js').RestAdapter;
    HttpClient: typeof import('./adapters/http.js').HttpClient;
  };
  storage: {BrowserStorageAdapter: typeof import('./adapters/browser-storage-adapter.js').BrowserStorageAdapter};
  waline: {WalineAdapter: typeof import('./adapters/waline-adapter.js').WalineAdapter};
}

export type PartName = keyof Parts;

/**
 * `ArticleComments.load(name)` for pages without a build step: a part's
 * classes, once its file is in (`composer` and `report` also register their
 * tag). Each script-tag file says where the Waline adapter comes from.
 */
export function partLoader(loadWaline: () => Promise<Parts['waline']>): <Name extends PartName>(name: Name) => Promise<Parts[Name]> {
  const loaders: {[Name in PartName]: () => Promise<Parts[Name]>} = {
    composer: loadComposer,
    report: loadReportDialog,
    rest: loadRest,
    storage: loadBrowserStorage,
    waline: loadWaline,
  };
  return <Name extends PartName>(name: Name) =>
    Object.hasOwn(loaders, name)
      ? (loaders[name]() as Promise<Parts[Name]>)
      : Promise.reject(new TypeError(`ArticleComments.load: no part "${String(name)}"; there are ${Object.keys(loaders).join(', ')}.`));
}
