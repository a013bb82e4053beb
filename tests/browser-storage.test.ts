import {expect} from '@open-wc/testing';
import {BrowserStorageAdapter} from '../src/adapters/browser-storage-adapter.js';
import {freshThread, mount, record, renderDiscussion, until} from './harness.js';

const seed = [record({id: 'seed', author: {name: 'Startbeitrag'}, body: 'Vom Verlag eingebettet.', createdAt: '2026-11-25T10:00:00Z'})];

describe('the browser-storage adapter (storage="local")', () => {
  it('keeps posts across a reload, next to the inline discussion', async () => {
    const thread = freshThread('local');
    let view = await renderDiscussion(seed, {thread, attributes: {storage: 'local'}});
    const form = await view.composer();
    await form.write('Bleibt nach dem Neuladen.', 'Lokal');
    await form.send();
    await until(() => view.comments().length === 2, 'the posted comment');
    const reply = await view.openReply(view.comment('Lokal'));
    await reply.write('Und die Antwort auch.', 'Lokal');
    await reply.send();
    await until(() => view.comments().length === 3, 'the reply');

    view.element.remove();
    view = await renderDiscussion(seed, {thread, attributes: {storage: 'local'}});
    expect(view.comments().map((c) => view.author(c))).to.have.members(['Startbeitrag', 'Lokal', 'Lokal']);
    expect(view.author(view.parentOf(view.comments().find((c) => view.paragraphs(c)[0] === 'Und die Antwort auch.')!)!)).to.equal('Lokal');
    expect(view.heading()).to.equal('3\u00a0Kommentare');
  });

  it('stores nothing without storage="local"', async () => {
    const thread = freshThread('memory');
    let view = await renderDiscussion(seed, {thread});
    const form = await view.composer();
    await form.write('Nur für diesen Besuch.', 'Flüchtig');
    await form.send();
    await until(() => view.comments().length === 2, 'the posted comment');
    view.element.remove();
    view = await renderDiscussion(seed, {thread});
    expect(view.comments()).to.have.length(1);
  });

  it('shows posts from another tab live, in both directions', async () => {
    localStorage.removeItem('article-comments:posts:v1:tabs-shared');
    const view = await renderDiscussion(seed, {thread: 'tabs-shared', attributes: {storage: 'local'}});
    const frame = mount(Object.assign(document.createElement('iframe'), {src: '/tests/fixtures/storage-tab.html'}));
    await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    const other = await until(() => {
      const root = frame.contentDocument?.querySelector('article-comments')?.shadowRoot;
      return root?.querySelector('article.comment') ? root : null;
    }, 'the second tab');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const form = await view.composer();
    await form.write('Hallo, anderer Tab!', 'Tab Eins');
    await form.send();
    // A new top-level comment from elsewhere waits behind the "neue Kommentare" button.
    const button = await until(() => other.querySelector<HTMLButtonElement>('[part~="show-new"]'), 'the other tab’s button');
    button.click();
    await until(() => other.textContent!.includes('Hallo, anderer Tab!'), 'the post in the other tab');

    other.querySelector<HTMLButtonElement>('[data-action="compose"]')!.click();
    const otherReply = await until(() => other.querySelector('comment-reply'), 'the other tab’s form');
    await otherReply.updateComplete;
    const otherForm = otherReply.shadowRoot!;
    const textarea = otherForm.querySelector('textarea')!;
    textarea.value = 'Zurück aus Tab zwei.';
    textarea.dispatchEvent(new Event('input'));
    const name = otherForm.querySelector<HTMLInputElement>('input[name="name"]')!;
    name.value = 'Tab Zwei';
    name.dispatchEvent(new Event('input'));
    otherForm.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(() => view.root.querySelector('[part~="show-new"]'), 'the button in this tab');
    (view.root.querySelector('[part~="show-new"]') as HTMLButtonElement).click();
    await until(() => view.comments().some((c) => view.author(c) === 'Tab Zwei'), 'the post from tab two');
  });

  it('two widgets on one page share the posts live', async () => {
    const thread = freshThread('pair');
    const adapterA = new BrowserStorageAdapter({[thread]: seed});
    const adapterB = new BrowserStorageAdapter({[thread]: seed});
    const a = await renderDiscussion(null, {thread, adapter: adapterA});
    const b = await renderDiscussion(null, {thread, adapter: adapterB});
    const reply = await a.openReply(a.comment('Startbeitrag'));
    await reply.write('Antwort in A', 'A');
    await reply.send();
    await until(() => b.comments().some((c) => b.author(c) === 'A'), 'the reply in widget B');
  });

  it('follows a sign-in and sign-out in another tab (the storage event), without a reload', async () => {
    // Each "tab" is an adapter over the same storage. A storage of the test's own, not localStorage:
    // a real viewer there would reach the test files running beside this one in the same browser.
    const shared = new MapStorage();
    const thread = freshThread('tabs-viewer');
    const here = new BrowserStorageAdapter({[thread]: seed}, {storage: shared});
    const there = new BrowserStorageAdapter({[thread]: seed}, {storage: shared});
    const view = await renderDiscussion(null, {thread, adapter: here});
    const changes: unknown[] = [];
    view.element.addEventListener('viewer-change', (event) => changes.push((event as Event & {viewer: unknown}).viewer));
    const form = await view.composer();
    await form.fill(form.textarea, 'Angefangen vor dem Anmelden.');
    expect(form.nameField !== null).to.equal(true);
    const otherTab = (change: () => void) => {
      change();
      // What the browser fires in every other tab of the origin when one of them writes to storage.
      window.dispatchEvent(new StorageEvent('storage', {key: 'article-comments:viewer:v1'}));
    };
    otherTab(() => there.setViewer({id: 'u-julia', name: 'Julia W.', role: 'reader'}));
    await until(() => form.root.querySelector('[part~="signed-in"]')?.textContent?.includes('Julia W.'), '"Sie kommentieren als Julia W."');
    expect(form.nameField === null).to.equal(true);
    expect(form.textarea.value).to.equal('Angefangen vor dem Anmelden.');
    expect(changes).to.deep.equal([{id: 'u-julia', name: 'Julia W.', role: 'reader'}]);
    otherTab(() => there.setViewer(null));
    await until(() => form.nameField !== null, 'the name field back after signing out');
    expect(form.textarea.value).to.equal('Angefangen vor dem Anmelden.');
    expect(changes).to.have.length(2);
    expect(changes[1]).to.equal(null);
  });
});

/** Storage over a Map, shared by the adapters that stand for tabs. */
class MapStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}
