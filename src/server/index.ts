/// <reference types="node" />
/**
 * `article-comments/server`: renders a discussion to HTML on the publisher's
 * server, with Lit's own server renderer (`@lit-labs/ssr`, declarative shadow
 * DOM). The element in the browser takes the HTML over (hydration) instead of
 * rendering it again; without JavaScript the discussion is readable as it is,
 * and schema.org `Comment` items describe it to search engines.
 *
 * Runs in plain Node (20 and later): Lit's server renderer brings the few
 * DOM names it needs; no jsdom, no browser. See docs/server-rendering.md.
 */
import {createHash} from 'node:crypto';
import {render} from '@lit-labs/ssr';
import {collectResultSync} from '@lit-labs/ssr/lib/render-result.js';
import {html, nothing} from 'lit';
import type {CommentAdapter, CommentPage} from '../adapters/adapter.js';
import {MemoryAdapter} from '../adapters/memory-adapter.js';
import {RestAdapter} from '../adapters/rest-adapter.js';
import {ArticleComments} from '../elements/article-comments/article-comments.js';
import {handOver, scriptJson} from '../elements/article-comments/server-state.js';
import {loadLocale} from '../i18n/german.js';
import {DEFAULT_MAX_LENGTH, SORT_ORDERS, type SortOrder} from '../model/comment.js';
import {readDiscussion} from '../model/discussion-info.js';
import {isRecord} from '../model/is-record.js';
import {parseDate} from '../model/parse.js';
import type {Clock} from '../time/clock.js';
import {commentsJsonLd} from './json-ld.js';

export {commentsJsonLd} from './json-ld.js';

/** The element's attributes, as on the page (see README, "Attributes"). */
export interface ServerAttributes {
  id?: string;
  sort?: SortOrder;
  pageSize?: number;
  maxDepth?: number;
  replies?: 'expanded' | 'collapsed';
  maxLength?: number;
  closed?: boolean;
  closesAt?: string;
  closedMessage?: string;
  reportUrl?: string;
  netiquetteUrl?: string;
  privacyUrl?: string;
  reactionLabel?: string;
  headingLevel?: number;
  theme?: 'light' | 'dark' | 'auto';
  storage?: 'memory' | 'local';
  pollInterval?: number;
  loading?: 'eager' | 'lazy';
  /** `de-DE` (default), `de-AT`, `de-CH`, `en` or one added with `defineLocale()`. */
  locale?: string;
  preset?: 'neutral' | 'classic';
  density?: 'comfortable' | 'compact';
  avatars?: boolean;
  genderStyle?: 'colon' | 'pair' | 'generic';
}

interface CommonOptions extends ServerAttributes {
  /** The discussion's id: the element's `thread` attribute. */
  thread: string;
  /** The article's absolute URL: permalinks (`…#comment-ID`) and the JSON-LD's `url` and `about`. */
  pageUrl: string;
  /** "Now" for closing times and reaction order (epoch ms, a Date or ISO 8601). Default: the server's clock. */
  now?: number | Date | string;
  /** Adds the schema.org `Comment` items as JSON-LD (default true). */
  jsonLd?: boolean;
}

/** The embedded default: every record of the discussion; the browser continues from the same records, embedded in the page. */
export interface RecordsOptions extends CommonOptions {
  comments: readonly unknown[];
  src?: undefined;
  page?: undefined;
}

/** A backend that speaks the REST contract: its first page, as `GET …/comments` returned it; the browser continues from its cursor. */
export interface BackendOptions extends CommonOptions {
  src: string;
  page: CommentPage;
  comments?: undefined;
}

export type ServerRenderOptions = RecordsOptions | BackendOptions;

function fixedClock(now: number): Clock {
  return {now: () => now, at: () => () => {}};
}

function readNow(now: ServerRenderOptions['now']): number {
  if (now instanceof Date) return now.getTime();
  if (typeof now === 'number' && Number.isFinite(now)) return now;
  if (typeof now === 'string') return parseDate(now) ?? Date.now();
  return Date.now();
}

const defined = <T>(value: T | undefined): T | typeof nothing => (value === undefined || value === '' ? nothing : value);

/**
 * The `<article-comments>` element with its first page of comments inside
 * (declarative shadow DOM), the data the browser continues from, and the
 * JSON-LD. Never throws for bad comment data: the records go through the same
 * checks as in the browser, and what is dropped or repaired shows the same
 * notice ("1 Kommentar konnte nicht vollständig angezeigt werden.").
 */
export async function renderDiscussion(options: ServerRenderOptions): Promise<string> {
  const now = readNow(options.now);
  const clock = fixedClock(now);
  const sort = SORT_ORDERS.includes(options.sort as SortOrder) || options.sort === 'reactions' ? (options.sort as SortOrder) : 'newest';
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 20) || 20);
  let adapter: CommentAdapter;
  let page: CommentPage;
  let embedded: string;
  if (options.src !== undefined) {
    // Nothing is requested: the adapter only tells the element what this backend offers.
    adapter = new RestAdapter({baseUrl: options.src, pollInterval: options.pollInterval});
    page = checkedPage(options.page);
    // As the backend answered (a change token for live updates included), checked again in the browser.
    embedded = `<script type="application/json" data-first-page>${scriptJson(options.page && typeof options.page === 'object' ? options.page : page)}</script>`;
  } else {
    const records = Array.isArray(options.comments) ? options.comments : [];
    adapter = new MemoryAdapter({[options.thread]: records}, {clock});
    page = await adapter.load({thread: options.thread, cursor: null, sort, limit: pageSize});
    // What was rendered (a value that is no list as an empty discussion), without what only moderators
    // and authors may read: the page's source is public.
    embedded = `<script type="application/json">${scriptJson({comments: records.map(publicRecord)})}</script>`;
  }
  const jsonLd =
    options.jsonLd === false
      ? ''
      : `<script type="application/ld+json">${scriptJson(commentsJsonLd(page.comments, {pageUrl: options.pageUrl}))}</script>`;
  ensureDefined();
  const locale = await loadLocale(options.locale ?? '');
  handOver({adapter, page, pageUrl: options.pageUrl, clock, locale});
  let markup: string;
  try {
    markup = collectResultSync(
      render(html`<article-comments
        id=${defined(options.id)}
        thread=${options.thread}
        sort=${sort}
        page-size=${pageSize}
        max-depth=${defined(options.maxDepth)}
        replies=${defined(options.replies)}
        max-length=${defined(options.maxLength === DEFAULT_MAX_LENGTH ? undefined : options.maxLength)}
        ?closed=${options.closed === true}
        closes-at=${defined(options.closesAt)}
        closed-message=${defined(options.closedMessage)}
        report-url=${defined(options.reportUrl)}
        netiquette-url=${defined(options.netiquetteUrl)}
        privacy-url=${defined(options.privacyUrl)}
        reaction-label=${defined(options.reactionLabel)}
        heading-level=${defined(options.headingLevel)}
        theme=${defined(options.theme)}
        src=${defined(options.src)}
        storage=${defined(options.storage)}
        poll-interval=${defined(options.pollInterval)}
        loading=${defined(options.loading)}
        locale=${locale.tag}
        preset=${defined(options.preset)}
        density=${defined(options.density)}
        ?avatars=${options.avatars === true}
        gender-style=${defined(options.genderStyle)}
        ></article-comments
      >`)
    );
  } finally {
    handOver(undefined);
  }
  // The two data scripts go in as the element's last children: written by this module (every `<`,
  // `>` and `&` of the data a JSON escape, see scriptJson), never HTML from the records.
  const end = markup.lastIndexOf('</article-comments');
  return markup.slice(0, end) + embedded + jsonLd + markup.slice(end);
}

/**
 * What the page may carry of a record. The text (and quote) of a comment that is not published
 * (pending, rejected, deleted, removed) stays on the server, and so does the name where the
 * discussion hides it (all but pending): the widget shows none of it to readers, and the records
 * in the page are as public as the page. Structure (id, parent, status, time) stays, so the
 * browser builds the same thread as the server.
 */
function publicRecord(record: unknown): unknown {
  if (!isRecord(record) || record.status === undefined || record.status === null || record.status === 'published') return record;
  const copy: Record<string, unknown> = {...record};
  if (typeof copy.body === 'string') copy.body = '';
  delete copy.quote;
  if (copy.status !== 'pending' && isRecord(copy.author)) {
    copy.author = copy.author.role === undefined ? {} : {role: copy.author.role};
  }
  return copy;
}

/** A backend's page as the browser would take it: anything unreadable becomes an empty page, never an exception. */
function checkedPage(page: unknown): CommentPage {
  const value = (page && typeof page === 'object' ? page : {}) as Partial<CommentPage>;
  return {
    comments: Array.isArray(value.comments) ? value.comments : [],
    nextCursor: typeof value.nextCursor === 'string' ? value.nextCursor : null,
    total: typeof value.total === 'number' && Number.isFinite(value.total) ? value.total : undefined,
    discussion: readDiscussion(value.discussion),
  };
}

function ensureDefined(): void {
  if (!customElements.get('article-comments')) customElements.define('article-comments', ArticleComments);
}

/**
 * The sources a Content-Security-Policy's `style-src` must allow for the
 * server's HTML to be styled before the script runs: the SHA-256 hash of the
 * `<style>` Lit puts into the shadow root, as `'sha256-…'`. (Once the script
 * runs, the element adopts the same styles as constructable stylesheets,
 * which `style-src 'self'` allows, so the hash only matters for the first
 * paint and for readers without JavaScript.)
 */
export function styleHashes(): string[] {
  const text = ArticleComments.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('');
  return [`'sha256-${createHash('sha256').update(text).digest('base64')}'`];
}
