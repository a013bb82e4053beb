// Runs one measurement in this page and leaves the result on window.result.
// Query: ?scenario=render|floor|tick|post&n=1000
// The data comes from the bench server (/bench-data/…), generated before the
// clock starts; the widget is the script-tag build, already loaded.
const params = new URLSearchParams(location.search);
const scenario = params.get('scenario');
const n = Number(params.get('n'));
const NOW = '2026-11-25T14:03:00Z';

const layout = () => document.body.offsetHeight;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Creates <article-comments> with the discussion inline, as a publisher embeds it. */
function widget(json, clock) {
  const element = document.createElement('article-comments');
  element.thread = 'bench';
  // "paged": the default (20 top-level comments, then "Weitere Kommentare laden"); else everything.
  if (params.get('paged') === null) element.setAttribute('page-size', String(n));
  element.clock = clock;
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  element.append(script);
  return element;
}

function once(target, type) {
  return new Promise((resolve) => target.addEventListener(type, resolve, {once: true}));
}

/** Times an element from being put in the page until its first screen and until everything is rendered. */
async function time(element) {
  await frame();
  const start = performance.now();
  const loaded = once(element, 'comments-loaded');
  const rendered = once(element, 'comments-rendered');
  document.querySelector('main').append(element);
  await loaded;
  await element.updateComplete;
  layout();
  const firstScreen = performance.now() - start;
  await rendered;
  layout();
  const complete = performance.now() - start;
  return {firstScreen, complete, comments: element.shadowRoot.querySelectorAll('article.comment').length};
}

/** With the discussion inline (creating the element, parsing the JSON, all timed). */
async function render() {
  const json = await (await fetch(`/bench-data/discussion-${n}.json`)).text();
  const clock = new ArticleComments.ManualClock(NOW);
  return time(widget(json, clock));
}

/** From a REST backend (the reference server), paged as by default: the first screen needs only page one. */
async function rest() {
  const element = document.createElement('article-comments');
  element.thread = `bench-${n}`;
  element.clock = new ArticleComments.ManualClock(NOW);
  element.setAttribute('src', '/api');
  return time(element);
}

/** The floor: the widget's final DOM from one prebuilt HTML string, with the same styles. */
async function floor() {
  const html = await (await fetch(`/bench-data/dom-${n}.html`)).text();
  const sheets = ArticleComments.ArticleComments.elementStyles.map((style) => style.styleSheet);
  await frame();
  const start = performance.now();
  const host = document.createElement('div');
  document.querySelector('main').append(host);
  const root = host.attachShadow({mode: 'open'});
  root.adoptedStyleSheets = sheets;
  root.innerHTML = html;
  layout();
  const time = performance.now() - start;
  return {firstScreen: time, complete: time, comments: root.querySelectorAll('article.comment').length};
}

/** The cost of one minute passing on a page with n comments (one shared clock), and the heap. */
async function tick() {
  const json = await (await fetch(`/bench-data/discussion-${n}.json`)).text();
  const clock = new ArticleComments.ManualClock(NOW);
  const element = widget(json, clock);
  const rendered = once(element, 'comments-rendered');
  document.querySelector('main').append(element);
  await rendered;
  layout();
  // ?css=… adds a style sheet to the widget (for trying out CSS changes).
  if (params.get('css')) {
    const extra = new CSSStyleSheet();
    extra.replaceSync(params.get('css'));
    element.shadowRoot.adoptedStyleSheets = [...element.shadowRoot.adoptedStyleSheets, extra];
  }
  const ticks = [];
  const scripts = [];
  let changed = 0;
  const times = [...element.shadowRoot.querySelectorAll('time')];
  for (let i = 0; i < 30; i++) {
    const before = times.map((time) => time.textContent);
    await frame();
    const start = performance.now();
    clock.advance(60_000);
    const script = performance.now();
    layout();
    ticks.push(performance.now() - start);
    scripts.push(script - start);
    changed += times.filter((time, index) => time.textContent !== before[index]).length;
  }
  globalThis.gc?.();
  await frame();
  return {
    ticks,
    scripts,
    pending: clock.pending,
    updatesPerTick: changed / ticks.length,
    heapMB: performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null,
  };
}

/** From pressing "Senden" to the new comment laid out in the thread. */
async function post() {
  const json = await (await fetch(`/bench-data/discussion-${n}.json`)).text();
  const element = widget(json, new ArticleComments.ManualClock(NOW));
  const rendered = once(element, 'comments-rendered');
  document.querySelector('main').append(element);
  await rendered;
  element.shadowRoot.querySelector('[data-action="compose"]').click();
  // The composer appears once its code is in (inside this file already, a task later).
  let composer;
  while (!(composer = element.shadowRoot.querySelector('comment-reply'))) {
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await composer.updateComplete;
  const form = composer.shadowRoot;
  const times = [];
  for (let i = 0; i < 15; i++) {
    const text = `Benchmark-Kommentar Nummer ${i}: schnell genug?`;
    const textarea = form.querySelector('textarea');
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent('input'));
    const name = form.querySelector('input[name="name"]');
    name.value = 'Messung';
    name.dispatchEvent(new InputEvent('input'));
    await composer.updateComplete;
    await frame();
    const arrived = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const found = [...element.shadowRoot.querySelectorAll('article.comment [part~="body"]')].some((body) => body.textContent.includes(text));
        if (found) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(element.shadowRoot, {subtree: true, childList: true});
    });
    const start = performance.now();
    form.querySelector('[part~="send-button"]').click();
    await arrived;
    layout();
    times.push(performance.now() - start);
  }
  return {times};
}

/** The widget's final DOM as HTML (Lit's comment markers removed), for the floor. */
async function capture() {
  const json = await (await fetch(`/bench-data/discussion-${n}.json`)).text();
  const element = widget(json, new ArticleComments.ManualClock(NOW));
  const rendered = once(element, 'comments-rendered');
  document.querySelector('main').append(element);
  await rendered;
  return {html: element.shadowRoot.innerHTML.replace(/<!--[^]*?-->/g, '')};
}

const run = {render, rest, floor, tick, post, capture}[scenario];
run()
  .then((result) => (window.result = result))
  .catch((error) => (window.result = {error: String(error?.stack ?? error)}));
