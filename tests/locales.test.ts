/**
 * Languages: every catalogue has every word of the German one, English has
 * no German left in it, each language writes times, plurals, numbers and
 * quotation marks its own way, the elements follow `locale` and the page's
 * `lang`, and the whole flow works in English. (The script-tag file loading
 * a language from dist/locales/ under a strict CSP: the last test.)
 */
import {expect} from '@open-wc/testing';
import {germanCatalogue} from '../src/i18n/locales/german-parts.js';
import {deAT} from '../src/i18n/locales/de-at.js';
import {deCH} from '../src/i18n/locales/de-ch.js';
import {en} from '../src/i18n/locales/en.js';
import {defineLocale, localeTag, type Catalogue} from '../src/i18n/locale.js';
import {formatRelative} from '../src/time/relative-time.js';
import {ManualClock} from '../src/time/clock.js';
import {mount, record, renderDiscussion, until} from './harness.js';

const NOW = Date.parse('2026-11-25T14:03:00Z');
const clock = new ManualClock('2026-11-25T14:03:00Z');
const MINUTE = 60_000;

/** Every path to a word ("reading.heading", "reportDialog.reasons.spam"), with its value. */
function words(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object' && typeof value !== 'function') {
    return Object.entries(value).flatMap(([key, entry]) => words(entry, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/** What a word says: a string, or a function's answer for typical arguments. */
function say(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') return String(value);
  if (path.startsWith('time.')) return path.endsWith('ago') ? String(value('xMinutes', 5)) : String(value(NOW));
  if (/roleBadge|answerLabel/.test(path)) return String(value(path.includes('roleBadge') ? 'author' : 'expert', 'colon'));
  if (path.endsWith('number')) return String(value(2000));
  return String(value(2, 'M. Brenner', 7));
}

const CATALOGUES: Catalogue[] = [en, deAT, deCH];

describe('languages', () => {
  describe('catalogues', () => {
    for (const catalogue of CATALOGUES) {
      it(`${catalogue.tag} has every word of the German catalogue, of the same kind`, () => {
        const german = new Map(words(germanCatalogue).filter(([path]) => path !== 'tag'));
        const own = new Map(words(catalogue).filter(([path]) => path !== 'tag'));
        expect([...german.keys()].filter((path) => !own.has(path)), 'missing').to.deep.equal([]);
        expect([...own.keys()].filter((path) => !german.has(path)), 'extra').to.deep.equal([]);
        for (const [path, value] of german) expect(typeof own.get(path), path).to.equal(typeof value);
      });
    }

    it('English has no German left: no umlaut, ß or German quotation mark, and no word as in German', () => {
      const german = new Map(words(germanCatalogue).map(([path, value]) => [path, say(value, path)]));
      const left: string[] = [];
      for (const [path, value] of words(en)) {
        if (path === 'tag') continue;
        const text = say(value, path);
        if (/[äöüÄÖÜß„]/.test(text)) left.push(`${path}: ${text}`);
        // Punctuation and numbers may be the same; words may not.
        else if (/[a-z]{3}/i.test(text) && text === german.get(path)) left.push(`${path}: ${text} (as in German)`);
      }
      expect(left).to.deep.equal([]);
    });

    it('Swiss German has no ß, and its own quotation marks, digit grouping and times', () => {
      const all = words(deCH).map(([path, value]) => say(value, path)).join('\n');
      expect(all).not.to.contain('ß');
      expect(all).not.to.match(/[„“‚‘]/);
      expect(deCH.reading.quoteOpen + deCH.reading.quoteClose).to.equal('«»');
      expect(deCH.reading.innerQuoteOpen + deCH.reading.innerQuoteClose).to.equal('‹›');
      expect(deCH.reading.closed).to.contain('geschlossen');
      expect(deCH.composer.autoSendOn).to.contain('automatisch');
      expect(deCH.count(1234)).to.equal('1’234\u00a0Kommentare');
      expect(deCH.time.fullDate(Date.parse('2026-11-25T14:03:00'))).to.equal('Mittwoch, 25.\u00a0November\u00a02026, 14.03\u00a0Uhr');
      // "Strasse" words: what had ß.
      expect(deCH.reportDialog.closed.includes('ß') || deCH.reading.rejectedOwn.includes('ß')).to.equal(false);
      expect(deCH.reading.rejectedOwn).to.contain('verstösst');
    });

    it('Austrian German says "Jänner"', () => {
      expect(deAT.time.date(Date.parse('2027-01-15T12:00:00'))).to.equal('15.\u00a0Jänner\u00a02027');
      expect(germanCatalogue.time.date(Date.parse('2027-01-15T12:00:00'))).to.equal('15.\u00a0Januar\u00a02027');
      expect(deAT.reading.heading(2)).to.equal('2\u00a0Kommentare');
    });

    it('each writes relative times, plurals and numbers its own way', () => {
      const at = (minutesAgo: number, catalogue: Catalogue) => formatRelative(NOW - minutesAgo * MINUTE, NOW, catalogue.time);
      expect([0, 1, 5, 60, 120, 1440, 3 * 1440].map((m) => at(m, en))).to.deep.equal(
        ['just\u00a0now', 'a\u00a0minute\u00a0ago', '5\u00a0minutes\u00a0ago', 'an\u00a0hour\u00a0ago', '2\u00a0hours\u00a0ago', 'a\u00a0day\u00a0ago', '3\u00a0days\u00a0ago']
      );
      expect(at(3 * 1440, deAT)).to.equal('vor\u00a03\u00a0Tagen');
      expect(at(5, deCH)).to.equal('vor\u00a05\u00a0Minuten');
      expect(en.time.date(Date.parse('2026-11-24T12:00:00'))).to.equal('24\u00a0November\u00a02026');
      expect([en.reading.replyCount(1), en.reading.replyCount(2), en.count(0), en.count(1), en.count(1234)]).to.deep.equal(
        ['1\u00a0reply', '2\u00a0replies', 'No comments yet', '1\u00a0comment', '1,234\u00a0comments']
      );
      expect(en.reading.quoteOpen + en.reading.quoteClose).to.equal('“”');
    });

    it('tags match like Intl: language alone, any case, unknown ones fall back to German', () => {
      expect(['de', 'de-de', 'de-AT', 'de_ch', 'en', 'en-US', 'en-GB', 'fr', '', 'xx-YY', 'de-Latn-AT'].map(localeTag)).to.deep.equal(
        ['de-DE', 'de-DE', 'de-AT', 'de-CH', 'en', 'en', 'en', 'de-DE', 'de-DE', 'de-DE', 'de-AT']
      );
      defineLocale('zz-TW', {...en, tag: 'zz-TW'});
      defineLocale('zz-x-house', {...en, tag: 'zz-x-house'});
      expect(['zz-Hant-TW', 'ZZ-x-House', 'zz'].map(localeTag)).to.deep.equal(['zz-TW', 'zz-x-house', 'de-DE']);
    });

    it('Swiss German leaves what readers wrote as they wrote it', () => {
      expect(deCH.reading.commentLabel('Strauß „Max“ 1.000')).to.equal('Kommentar von Strauß „Max“ 1.000');
      expect(deCH.composer.composerReplyLabel('Weiß')).to.equal('Antwort an Weiß schreiben');
      expect(deCH.reading.reactionAction('Empfehlen', 'Groß', 2000)).to.equal('Empfehlen 2’000, Kommentar von Groß');
    });
  });

  describe('the elements', () => {
    const discussion = [
      record({id: 'a', author: {name: 'Tifosi_1947'}, body: 'Not any more.', createdAt: '2026-11-25T13:58:00Z'}),
      record({id: 'b', parentId: 'a', author: {name: 'M. Brenner', role: 'staff'}, body: 'Confirmed.', createdAt: '2026-11-25T12:03:00Z'}),
      record({id: 'c', parentId: 'a', author: {name: 'kev'}, body: 'Wow.', createdAt: '2026-11-24T12:03:00Z'}),
    ];

    it('speak the page’s language: <html lang="en"> or an ancestor’s lang, and `locale` wins', async () => {
      const box = mount(document.createElement('div'));
      box.lang = 'en-GB';
      const view = await renderDiscussion(discussion, {clock});
      box.append(view.element);
      // Moved into an English box: the language is looked up when connected.
      await until(() => view.heading() === '3\u00a0comments', 'English');
      expect(view.root.querySelector('section')!.lang).to.equal('en');
      expect(view.time(view.comment('Tifosi_1947')).textContent).to.equal('5\u00a0minutes\u00a0ago');
      expect(view.action(view.comment('Tifosi_1947'), 'reply').textContent!.trim()).to.equal('Reply');
      expect(view.comment('M. Brenner').querySelector('[part~="badge"]')!.textContent).to.equal('Staff');
      view.element.locale = 'de-CH';
      await until(() => view.action(view.comment('Tifosi_1947'), 'reply').textContent!.trim() === 'Antworten', 'Swiss German');
      expect(view.heading()).to.equal('3\u00a0Kommentare');
    });

    it('wait for their language before the first render: no German flashes by', async () => {
      const element = document.createElement('article-comments');
      element.setAttribute('locale', 'en');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(discussion);
      element.append(script);
      element.clock = clock;
      const seen: string[] = [];
      const observer = new MutationObserver(() => {
        const heading = element.shadowRoot?.querySelector('[part~="heading"]')?.textContent;
        if (heading) seen.push(heading.trim());
      });
      mount(element);
      await until(() => element.shadowRoot, 'the shadow root');
      observer.observe(element.shadowRoot!, {subtree: true, childList: true, characterData: true});
      await until(() => element.shadowRoot!.querySelector('[part~="heading"]')?.textContent?.trim() === '3\u00a0comments', 'English');
      observer.disconnect();
      expect(seen.filter((heading) => /Kommentar/.test(heading))).to.deep.equal([]);
    });

    it('run the whole flow in English: reply, a message, post, the announcement, the report dialog', async () => {
      const view = await renderDiscussion(discussion, {clock, attributes: {locale: 'en'}});
      await until(() => view.heading() === '3\u00a0comments', 'English');
      const toggle = view.toggleOf(view.comment('Tifosi_1947'))!;
      expect(toggle.textContent).to.contain('Hide 2\u00a0replies');
      const form = await view.openReply(view.comment('M. Brenner'));
      await until(() => form.root.querySelector('label')?.textContent?.includes('M. Brenner'), 'the English form');
      expect(form.root.querySelector('[part~="send-button"]')!.textContent!.trim()).not.to.match(/Senden/);
      await form.send();
      expect(form.errors().join(' ')).to.match(/[a-z]/i);
      expect(form.errors().join(' ')).not.to.match(/Bitte|Kommentar/);
      await form.write('Thanks for the answer.');
      await form.fill(form.nameField, 'Reader');
      await form.send();
      const reply = await until(() => view.comments().find((c) => view.author(c) === 'Reader'), 'the reply');
      expect(reply.getAttribute('aria-label')).to.equal(en.reading.replyLabel('Reader', 'M. Brenner'));
      await until(() => view.announcement() === en.reading.posted || view.announcement() === en.reading.postedPending, 'the English announcement');
      // The report dialog, inside, speaks English too.
      (view.comment('kev').querySelector('[part~="report"]') as HTMLElement).click();
      const dialog = await until(() => view.root.querySelector('comment-report')?.shadowRoot?.querySelector('[part~="title"]'), 'the report dialog');
      await until(() => dialog.textContent!.includes(en.reportDialog.titleBefore.trim()), 'English title');
      expect(dialog.textContent).not.to.contain('melden');
    });

    it('<comment-count> counts in its language', async () => {
      const element = document.createElement('comment-count');
      element.setAttribute('locale', 'en');
      element.setAttribute('thread', 'x');
      const {MemoryAdapter} = await import('../src/adapters/memory-adapter.js');
      element.adapter = new MemoryAdapter({x: discussion});
      mount(element);
      await until(() => element.textContent === '3\u00a0comments', 'the English count');
    });

    it('a language defined after the elements are on the page reaches them (the script-tag order)', async () => {
      const view = await renderDiscussion(discussion, {clock, attributes: {locale: 'qq'}});
      // Unknown yet: German.
      expect(view.heading()).to.equal('3\u00a0Kommentare');
      defineLocale('qq', {...en, tag: 'qq', reading: {...en.reading, heading: (count: number) => `${count} qq`}});
      await until(() => view.heading() === '3 qq', 'the language defined later');
    });

    it('a composer or report dialog on its own waits for its language: updateComplete means rendered', async () => {
      const {CommentReply} = await import('../src/elements/comment-reply/comment-reply.js');
      const form = document.createElement('comment-reply') as InstanceType<typeof CommentReply>;
      form.thread = 'standalone-en';
      mount(form);
      // Set after connecting, before the first render: still no German render.
      form.locale = 'en';
      await until(() => form.shadowRoot?.querySelector('textarea'), 'the form');
      expect(form.shadowRoot!.querySelector('[part~="send-button"]')!.textContent).not.to.contain('Senden');
      await import('../src/elements/comment-report/define.js');
      const dialog = document.createElement('comment-report');
      dialog.setAttribute('locale', 'en');
      dialog.authorName = 'kev';
      dialog.commentId = 'c';
      mount(dialog);
      await dialog.updateComplete;
      await dialog.show();
      await until(() => dialog.shadowRoot!.querySelector('dialog')?.open, 'the open dialog');
      expect(dialog.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.contain(en.reportDialog.titleBefore.trim());
      dialog.close();
    });

    it('a discussion the server rendered in English is taken over in English; reader.js leaves its dates alone', async () => {
      const now = Date.parse('2026-11-25T14:03:00Z');
      for (const script of ['module', 'reader']) {
        const frame = mount(document.createElement('iframe'));
        frame.src = `/ssr/page.html?fixture=basic&locale=en&script=${script}&now=${now}`;
        const win = await until(() => (frame.contentDocument?.readyState === 'complete' ? frame.contentWindow : null), 'the page');
        const host = await until(() => win.document.querySelector('article-comments'), 'the element');
        expect(host.getAttribute('locale')).to.equal('en');
        if (script === 'module') {
          // Taken over in English. (Its times read "… ago" until the fixture's comments, dated before the
          // fixed `now` the server rendered at, are a week old in the browser's time; then a date. Neither is German.)
          await until(() => host.shadowRoot!.querySelector('[data-action="reply"]')?.textContent?.trim() === 'Reply', 'the English words');
          await until(() => /\S/.test(host.shadowRoot!.querySelector('time')?.textContent ?? ''), 'its times');
          expect(host.shadowRoot!.querySelector('time')!.textContent).not.to.match(/^vor|gerade/);
        } else {
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(host.shadowRoot!.querySelector('time')!.textContent).not.to.match(/^vor|gerade/);
        }
        frame.remove();
      }
    });

    it('a publisher adds a language of its own with defineLocale()', async () => {
      defineLocale('en-x-test', {...en, tag: 'en-x-test', reading: {...en.reading, reply: 'Respond'}});
      const view = await renderDiscussion(discussion, {clock, attributes: {locale: 'en-x-test'}});
      await until(() => view.action(view.comment('kev'), 'reply').textContent!.trim() === 'Respond', 'its own word');
    });
  });

  it('the script-tag file loads English from dist/locales/ under a strict CSP with Trusted Types', async () => {
    const frame = mount(document.createElement('iframe'));
    frame.src = '/tests/csp/english-page.html';
    frame.style.width = '800px';
    frame.style.height = '900px';
    const win = await until(() => (frame.contentDocument?.readyState === 'complete' ? frame.contentWindow : null), 'the page');
    const root = await until(() => {
      const shadow = win.document.querySelector('article-comments')?.shadowRoot;
      return shadow?.querySelector('[part~="heading"]')?.textContent?.trim() === '2\u00a0comments' ? shadow : null;
    }, 'the English discussion');
    expect(root.querySelector('[data-action="reply"]')!.textContent!.trim()).to.equal('Reply');
    expect((win as Window & {violations: string[]}).violations).to.deep.equal([]);
    const requested = win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(requested).to.include('/dist/locales/en.js');
  });
});
