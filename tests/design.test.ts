/**
 * The look, as far as it can be stated without a screenshot (those are in
 * tests/visual/): everything inside the text column, a calm rhythm, quiet
 * actions in one row, a reply toggle unlike the reply action, the time as
 * permalink with its full date reachable without hovering, the optional
 * initials, the compact density and the presets, and the focus going back
 * where the reader was when a form closes.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {LiveUpdate} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {ManualClock} from '../src/time/clock.js';
import {freshThread, record, renderDiscussion, until, type DiscussionHarness} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** The discussion exactly as the demo page embeds it. */
async function demoDiscussion(): Promise<unknown[]> {
  const page = await (await fetch('/demo/index.html')).text();
  const doc = new DOMParser().parseFromString(page, 'text/html');
  return JSON.parse(doc.querySelector('article-comments > script[type="application/json"]')!.textContent!);
}

let seed: unknown[] | undefined;

/** The Ferrari discussion `width` px wide (a phone: 328 px inside 16 px margins). */
async function ferrari(width: number, attributes: Record<string, string> = {}): Promise<DiscussionHarness> {
  seed ??= await demoDiscussion();
  const view = await renderDiscussion(seed, {clock, attributes});
  view.element.style.width = `${width}px`;
  await view.element.updateComplete;
  return view;
}

const box = (element: Element) => element.getBoundingClientRect();

describe('design', () => {
  it('keeps separators and the linked comment’s highlight inside the text column', async () => {
    const view = await ferrari(328);
    const host = box(view.element);
    view.action(view.comment('M. Brenner'), 'permalink').click();
    await until(() => view.comment('M. Brenner').classList.contains('target'), 'the highlight');
    const outside = [...view.root.querySelectorAll('.thread > .item, article.comment, .replies')]
      .filter((element) => box(element).left < host.left - 0.5 || box(element).right > host.right + 0.5)
      .map((element) => element.className);
    expect(outside).to.deep.equal([]);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('has a calm rhythm: the space under the composer button is no larger than between comments', async () => {
    const view = await ferrari(328);
    const start = box(view.root.querySelector('[part~="composer-start"]')!);
    const name = (article: HTMLElement) => box(article.querySelector('[part~="author"]')!);
    const [first, second] = [view.comment('Rosso Corsa'), view.comment('Tifosi_1947')];
    const underComposer = name(first).top - start.bottom;
    const betweenComments = name(second).top - box(first.querySelector('[part~="actions"]')!).bottom;
    expect(underComposer).to.be.at.most(betweenComments * 1.25 + 1);
  });

  it('shows the actions quietly and in one row at 328 px', async () => {
    const view = await ferrari(328);
    const article = view.comment('Tifosi_1947');
    const actions = [...article.querySelectorAll<HTMLElement>('[part~="actions"] > *')];
    expect(actions.length).to.be.at.least(4);
    expect(new Set(actions.map((action) => Math.round(box(action).top))).size, 'rows of actions').to.equal(1);
    const reply = view.action(article, 'reply');
    const style = getComputedStyle(reply);
    expect(Number(style.fontWeight)).to.be.below(600);
    // Not the accent, and quieter than the text.
    expect(style.color).not.to.equal(getComputedStyle(view.root.querySelector('[part~="heading"]')!).color);
    const accent = getComputedStyle(view.element).getPropertyValue('--_brand').trim();
    expect(style.color).not.to.equal(accent);
  });

  it('tells the reply toggle from the reply action: count and chevron, named with whose replies', async () => {
    const view = await ferrari(328, {replies: 'collapsed'});
    const toggle = view.toggleOf(view.comment('Tifosi_1947'))!;
    const visible = (element: Element) => visibleText(element).replace(/[ \t\n]+/g, ' ').trim();
    expect(visible(toggle)).to.equal('2\u00a0Antworten');
    expect(toggle.textContent).to.contain('Tifosi_1947');
    expect(getComputedStyle(toggle, '::before').content).not.to.equal('none');
    const reply = view.action(view.comment('Tifosi_1947'), 'reply');
    expect(getComputedStyle(toggle).color).not.to.equal(getComputedStyle(reply).color);
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'expanded');
    expect(visible(toggle)).to.equal('2\u00a0Antworten ausblenden');
  });

  it('makes the time the permalink, with the full date in its name and shown on keyboard focus', async () => {
    const view = await ferrari(328);
    const link = view.action(view.comment('Tifosi_1947'), 'permalink') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.match(/^#comment-/);
    expect(link.querySelector('time')).to.exist;
    expect(link.textContent).to.contain('24.\u00a0November\u00a02026');
    const date = link.querySelector<HTMLElement>('[part~="full-date"]')!;
    expect(box(date).width).to.be.at.most(1);
    // Tab to it: a real keyboard focus, so :focus-visible applies.
    view.action(view.comment('Rosso Corsa'), 'reply').focus();
    for (let i = 0; i < 20 && view.focused() !== link; i++) await sendKeys({press: 'Tab'});
    expect(view.focused()).to.equal(link);
    expect(box(date).width).to.be.greaterThan(50);
  });

  it('shows initials only with `avatars`: hidden from assistive technology, a colour per name, no images', async () => {
    const plain = await ferrari(328);
    expect(plain.root.querySelector('[part~="avatar"]')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const requests = performance.getEntriesByType('resource').length;
    const view = await ferrari(328, {avatars: ''});
    const avatar = (name: string) => view.comment(name).querySelector<HTMLElement>('[part~="avatar"]')!;
    expect(avatar('M. Brenner').textContent).to.equal('MB');
    expect(avatar('Rosso Corsa').textContent).to.equal('RC');
    expect(avatar('kaiserslautern_kev').textContent).to.equal('KK');
    expect(avatar('M. Brenner').getAttribute('aria-hidden')).to.equal('true');
    expect(view.root.querySelector('img')).to.equal(null);
    expect(performance.getEntriesByType('resource').length).to.equal(requests);
    const colours = new Set(view.comments().map((article) => getComputedStyle(article.querySelector('[part~="avatar"]')!).backgroundColor));
    expect(colours.size).to.be.greaterThan(2);
    // The same name, the same colour.
    expect(avatar('M. Brenner').className).to.equal(avatar('M. Brenner').className);
  });

  it('is denser with density="compact"', async () => {
    const comfortable = await ferrari(328);
    const compact = await ferrari(328, {density: 'compact'});
    const height = (view: DiscussionHarness) => box(view.root.querySelector('[part~="list"]')!).height;
    expect(height(compact)).to.be.below(height(comfortable) * 0.95);
  });

  it('offers presets: classic sets headings and names in a serif, neutral uses no colour of its own', async () => {
    const classic = await ferrari(800, {preset: 'classic'});
    expect(getComputedStyle(classic.root.querySelector('[part~="heading"]')!).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(classic.comment('M. Brenner').querySelector('[part~="author"]')!).fontFamily).to.contain('Georgia');
    const neutral = await ferrari(800, {preset: 'neutral'});
    const form = await neutral.composer();
    const send = form.root.querySelector<HTMLElement>('[part~="send-button"]')!;
    const background = getComputedStyle(send).backgroundColor;
    // The ink, a grey: red, green and blue alike.
    const [r, g, b] = background.match(/[\d.]+/g)!.map(Number);
    expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!)).to.be.below(0.02 * (r! > 1 || g! > 1 ? 255 : 1));
  });

  it('genders role words as the publisher chooses: gender-style colon (default), pair or generic', async () => {
    const records = [
      record({id: 'q', author: {name: 'Frage'}}),
      record({id: 'a', parentId: 'q', author: {name: 'Dr. Lang', role: 'author'}}),
    ];
    const badge = async (attributes: Record<string, string>) => {
      const view = await renderDiscussion(records, {clock, attributes});
      return view.comment('Dr. Lang').querySelector('[part~="badge"]')!.textContent!.trim();
    };
    expect(await badge({})).to.equal('Autor:in');
    expect(await badge({'gender-style': 'pair'})).to.equal('Autorin/Autor');
    expect(await badge({'gender-style': 'generic'})).to.equal('Autor');
    expect(await badge({'gender-style': 'unbekannt'})).to.equal('Autor:in');
  });

  it('floats the "neue Kommentare" pill clear of the first comment', async () => {
    let push: ((update: LiveUpdate) => void) | undefined;
    class LiveAdapter extends MemoryAdapter {
      override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void) {
        push = onUpdate;
        return super.subscribe(thread, onUpdate);
      }
    }
    const thread = freshThread('pill');
    const adapter = new LiveAdapter({[thread]: [record({id: 'a', author: {name: 'Erste'}, createdAt: '2026-11-25T15:00:00Z'})]});
    const view = await renderDiscussion(null, {thread, adapter, clock});
    const first = view.comment('Erste');
    const before = box(first).top;
    await until(() => push, 'the subscription');
    push!({type: 'added', comment: record({id: 'n', author: {name: 'Neu'}, createdAt: '2026-11-25T15:59:00Z'})});
    const pill = await until(() => view.root.querySelector('[part~="show-new"]'), 'the pill');
    expect(box(first).top).to.equal(before);
    const name = first.querySelector('[part~="author"]')!;
    expect(box(pill).bottom).to.be.at.most(box(name).top);
    expect(box(pill).top).to.be.at.least(box(view.root.querySelector('[part~="composer-start"]')!).bottom);
  });

  it('closes the top composer again, focus back on its button', async () => {
    const view = await ferrari(800);
    const form = await view.composer();
    form.textarea.focus();
    await sendKeys({press: 'Escape'});
    await until(() => !view.root.querySelector('comment-reply.composer'), 'the composer to close');
    await until(() => view.focused() === view.root.querySelector('[part~="composer-start"]'), 'focus on the button');
  });

  it('returns focus to "Zitieren" when a quoting reply form is closed with Escape', async () => {
    const view = await ferrari(800);
    const article = view.comment('Sabine K.');
    const form = await view.openReply(article, 'quote');
    form.textarea.focus();
    await sendKeys({press: 'Escape'});
    await until(() => view.focused() === view.action(article, 'quote'), 'focus on "Zitieren"');
  });
});

/** Text a sighted reader sees: without visually hidden parts. */
function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.classList.contains('visually-hidden')) return '';
  return [...node.childNodes].map(visibleText).join('');
}
