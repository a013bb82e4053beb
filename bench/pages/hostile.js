// Renders one hostile discussion shape with the script-tag build and leaves
// on window.result: the first screen (ms from adding the element until the
// first comment is laid out), everything rendered, the longest task a
// `longtask` PerformanceObserver saw meanwhile (0: none reached 50 ms), and
// how many comments are in the DOM.
// Query: ?shape=baseline|chain-1000|chain-10000|wide-50000|body-5mb&mode=inline|adapter
//   inline: the records as JSON inside the element, as a publisher embeds them (JSON.parse included);
//   adapter: the same records handed over in a MemoryAdapter, made before the clock starts.
// ?scenario=removal: 2,000 comments rendered, the element removed: the heap after GC.
const params = new URLSearchParams(location.search);
const NOW = '2026-11-25T14:03:00Z';
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const once = (target, type) => new Promise((resolve) => target.addEventListener(type, resolve, {once: true}));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function shape() {
  const name = params.get('shape') ?? 'baseline';
  const mode = params.get('mode') ?? 'inline';
  const json = await (await fetch(`/bench-data/hostile-${name}.json`)).text();
  const element = document.createElement('article-comments');
  element.thread = 'hostile';
  element.setAttribute('page-size', '100000');
  element.clock = new ArticleComments.ManualClock(NOW);
  if (mode === 'adapter') {
    element.adapter = new ArticleComments.MemoryAdapter({hostile: JSON.parse(json)}, {clock: element.clock});
  } else {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = json;
    element.append(script);
  }
  await settle();
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({type: 'longtask'});
  const errors = [];
  addEventListener('error', (event) => errors.push(String(event.message)));
  await frame();
  const rendered = once(element, 'comments-rendered');
  const start = performance.now();
  document.querySelector('main').append(element);
  while (!element.shadowRoot.querySelector('article.comment') && performance.now() - start < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  document.body.offsetHeight;
  const firstScreen = performance.now() - start;
  await rendered;
  document.body.offsetHeight;
  const complete = performance.now() - start;
  await frame();
  await settle();
  observer.disconnect();
  return {
    firstScreen,
    complete,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
    comments: element.shadowRoot.querySelectorAll('article.comment').length,
    errors,
  };
}

async function mountAndRemove(json, collect) {
  const element = document.createElement('article-comments');
  element.thread = 'removal';
  element.setAttribute('page-size', '5000');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  element.append(script);
  const rendered = once(element, 'comments-rendered');
  document.querySelector('main').append(element);
  await rendered;
  const withWidget = await collect();
  element.remove();
  return {ref: new WeakRef(element), withWidget};
}

/** The heap before adding a widget with 2,000 ticking timestamps, and after removing it again. */
async function removal() {
  const collect = async () => {
    for (let i = 0; i < 5; i++) {
      await settle();
      gc();
    }
    return performance.memory.usedJSHeapSize;
  };
  const records = [];
  for (let i = 0; i < 2000; i++) {
    records.push({
      id: `r${i}`,
      parentId: i % 3 ? `r${i - (i % 3)}` : null,
      author: {name: `Leserin ${i}`},
      body: `Kommentar ${i}`,
      createdAt: new Date(Date.now() - (i % 60) * 60_000).toISOString(),
    });
  }
  const json = JSON.stringify(records);
  const before = await collect();
  // In a function of its own, so no variable of this one keeps the element.
  const {ref, withWidget} = await mountAndRemove(json, collect);
  const after = await collect();
  return {beforeMB: before / 2 ** 20, withMB: withWidget / 2 ** 20, afterMB: after / 2 ** 20, leakedKB: (after - before) / 1024, released: ref.deref() === undefined};
}

(params.get('scenario') === 'removal' ? removal() : shape()).then(
  (result) => (window.result = result),
  (error) => (window.result = {error: String(error?.stack ?? error)})
);
