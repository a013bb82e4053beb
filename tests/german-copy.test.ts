/**
 * The German copy as a copy editor checks it (issue 13, docs/german-copy.md):
 * each expectation is the new wording, literally, so it fails on the old one.
 */
import {expect} from '@open-wc/testing';
import {NetworkError, TimeoutError, ForbiddenError, ServerError, UnexpectedResponseError, AbortedError, RateLimitedError, NotFoundError, ValidationError} from '../src/adapters/errors.js';
import type {PostRequest} from '../src/adapters/adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {readDraft} from '../src/drafts/saved-draft.js';
import type {CommentReply} from '../src/elements/comment-reply/comment-reply.js';
import {describeFailure} from '../src/elements/comment-reply/failure.js';
import {describeReportFailure} from '../src/elements/comment-report/send-report.js';
import {composerText} from '../src/i18n/composer.js';
import {commentCountText} from '../src/i18n/count.js';
import {answerLabel, de, plural, roleBadge, toGenderStyle, type GenderStyle} from '../src/i18n/de.js';
import {errorMessage} from '../src/i18n/errors.js';
import {formText} from '../src/i18n/forms.js';
import {nestQuotes} from '../src/i18n/quotes.js';
import {reportDialogText} from '../src/i18n/report-dialog.js';
import {reportMessages} from '../src/i18n/report.js';
import {ManualClock} from '../src/time/clock.js';
import {formatDate, formatFullDate, formatRelative} from '../src/time/relative-time.js';
import {ComposerHarness, freshThread, mount, record, renderDiscussion, until} from './harness.js';

const NBSP = '\u00a0';
const NOW = Date.parse('2026-11-25T14:03:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Pretends the browser is offline until the returned function is called. */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', {value: false, configurable: true});
  return () => delete (navigator as {onLine?: boolean}).onLine;
}

describe('German copy', () => {
  describe('relative times and dates', () => {
    it('say one of a unit in words: "vor einer Minute", "vor einer Stunde", "vor einem Tag"', () => {
      expect(formatRelative(NOW - MINUTE, NOW)).to.equal('vor\u00a0einer\u00a0Minute');
      expect(formatRelative(NOW - HOUR, NOW)).to.equal('vor\u00a0einer\u00a0Stunde');
      expect(formatRelative(NOW - DAY, NOW)).to.equal('vor\u00a0einem\u00a0Tag');
      // From two on, the number, as before.
      expect(formatRelative(NOW - 2 * MINUTE, NOW)).to.equal('vor\u00a02\u00a0Minuten');
      expect(formatRelative(NOW - 3 * DAY, NOW)).to.equal('vor\u00a03\u00a0Tagen');
    });

    it('never break across lines: every relative time and date uses no-break spaces', () => {
      for (let age = 0; age < 8 * DAY; age += 7 * MINUTE) {
        const text = formatRelative(NOW - age, NOW);
        expect(text, text).not.to.match(/ /);
        expect(text.split(NBSP).length, text).to.be.greaterThan(1);
      }
      const date = new Date(2026, 10, 24, 9, 5).getTime();
      expect(formatDate(date)).to.equal('24.\u00a0November\u00a02026');
      // The full date may break after a comma, never inside "24. November 2026" or "09:05 Uhr".
      expect(formatFullDate(date)).to.equal('Dienstag, 24.\u00a0November\u00a02026, 09:05\u00a0Uhr');
    });
  });

  describe('counts', () => {
    it('keep the number with its word', () => {
      expect(plural(6, 'Kommentar', 'Kommentare')).to.equal('6\u00a0Kommentare');
      expect(de.heading(6)).to.equal('6\u00a0Kommentare');
      expect(commentCountText(1234)).to.equal('1.234\u00a0Kommentare');
      expect(de.showReplies(2)).to.equal('2\u00a0Antworten anzeigen');
      expect(formText.counter(12, 2000)).to.equal('12 / 2.000\u00a0Zeichen');
      expect(de.dataProblem(3)).to.equal('3\u00a0Kommentare konnten nicht vollständig angezeigt werden.');
    });

    it('"Antwort ausblenden" for one reply, "2 Antworten ausblenden" for more', () => {
      expect(de.hideRepliesCount(1)).to.equal('Antwort ausblenden');
      expect(de.hideRepliesCount(2)).to.equal('2\u00a0Antworten ausblenden');
      expect(de.hideRepliesCount(1000)).to.equal('1.000\u00a0Antworten ausblenden');
    });

    it('name the toggle with whose replies it shows or hides', () => {
      expect(de.toggleRepliesLabel(2, 'M. Brenner', false)).to.equal('2\u00a0Antworten an M. Brenner anzeigen');
      expect(de.toggleRepliesLabel(2, 'M. Brenner', true)).to.equal('2\u00a0Antworten an M. Brenner ausblenden');
      expect(de.toggleRepliesLabel(1, 'M. Brenner', false)).to.equal('1\u00a0Antwort an M. Brenner anzeigen');
      // Or the visible words and a hidden rest.
      expect(plural(2, 'Antwort', 'Antworten') + de.toggleWhoseShow('M. Brenner')).to.equal('2\u00a0Antworten an M. Brenner');
      expect(de.hideRepliesCount(2) + de.toggleWhoseHide('M. Brenner')).to.equal('2\u00a0Antworten ausblenden, Antworten an M. Brenner');
      expect(de.hideRepliesCount(1) + de.toggleWhoseHide('M. Brenner', 1)).to.equal('Antwort ausblenden, Antwort an M. Brenner');
    });

    it('the reply form says whom it answers: "Ihre Antwort an M. Brenner"', () => {
      expect(de.replyingTo('M. Brenner')).to.equal('Ihre Antwort an M. Brenner');
      expect(de.closeComposer).to.equal('Schließen');
    });
  });

  describe('gender convention', () => {
    const table: [GenderStyle, string, string, string][] = [
      ['colon', 'Autor:in', 'Expert:in', 'Antwort von Expert:in'],
      ['pair', 'Autorin/Autor', 'Expertin/Experte', 'Antwort einer Expertin/eines Experten'],
      ['generic', 'Autor', 'Experte', 'Antwort eines Experten'],
    ];
    for (const [style, author, expert, answer] of table) {
      it(`gives the badges and the answer mark in the ${style} style`, () => {
        expect(roleBadge('author', style)).to.equal(author);
        expect(roleBadge('expert', style)).to.equal(expert);
        expect(roleBadge('staff', style)).to.equal('Redaktion');
        expect(answerLabel('expert', style)).to.equal(answer);
        expect(answerLabel('staff', style)).to.equal('Antwort der Redaktion');
      });
    }

    it('uses the colon style by default, in the old keys too (no "Expertin/Experte" beside "Autor:in")', () => {
      expect(toGenderStyle(null)).to.equal('colon');
      expect(toGenderStyle('pair')).to.equal('pair');
      expect(toGenderStyle('Gendersternchen')).to.equal('colon');
      expect(roleBadge('author')).to.equal('Autor:in');
      expect(de.badge).to.deep.equal({staff: 'Redaktion', author: 'Autor:in', expert: 'Expert:in'});
      expect(de.answerByExpert).to.equal('Antwort von Expert:in');
    });

    it('words every other string neutrally: no generic masculine and no second convention', () => {
      const strings: string[] = [];
      const collect = (value: unknown): void => {
        if (typeof value === 'string') strings.push(value);
        else if (typeof value === 'function') strings.push(String(value(2, 'Name', true)));
        else if (value && typeof value === 'object') Object.values(value).forEach(collect);
      };
      // (roleBadge and answerLabel are the style's functions, checked above.)
      const {roleBadge: _badge, answerLabel: _answer, ...reading} = de;
      [reading, composerText, formText, reportDialogText, reportMessages].forEach(collect);
      for (const text of strings) {
        // Role nouns in the masculine only, as words of their own ("Leserkommentare" is a compound, and fine).
        expect(text, text).not.to.match(/\b(Leser|Nutzer|Benutzer|Melder|Autor|Autoren|Experte|Experten|Redakteur|Teilnehmer|Verfasser|Absender)\b(?!:in)/);
        // Pairs ("Expertin/Experte") or stars belong to a style's function, not to fixed strings.
        expect(text, text).not.to.match(/\w+in\/\w+|\w+\*in/);
      }
    });
  });

  describe('nested quotation marks', () => {
    it('turn „…“, “…” and "…" inside a quote into ‚…‘', () => {
      expect(nestQuotes('Er sagte: „Das wird teuer.“')).to.equal('Er sagte: ‚Das wird teuer.‘');
      expect(nestQuotes('Das „Wunder von Bern“ und der "Kaiser"')).to.equal('Das ‚Wunder von Bern‘ und der ‚Kaiser‘');
      expect(nestQuotes('“Quoted” in English')).to.equal('‚Quoted‘ in English');
      expect(nestQuotes('"Hallo", sagte sie.')).to.equal('‚Hallo‘, sagte sie.');
      expect(nestQuotes('<a title="x">')).to.equal('<a title=‚x‘>');
      expect(nestQuotes('Keine Zeichen, nur ein Apostroph: Peter’s')).to.equal('Keine Zeichen, nur ein Apostroph: Peter’s');
    });

    it('show a quote of a quote with single marks inside, in a figure named like its caption', async () => {
      const view = await renderDiscussion([
        record({id: 'q1', author: {name: 'Quelle'}, body: 'Ferrari nennt es „das beste Auto“.'}),
        record({id: 'q2', author: {name: 'Zitiererin'}, body: 'So ist es.', quote: {text: 'Ferrari nennt es „das beste Auto“.', source: 'q1'}}),
        record({id: 'q3', author: {name: 'Leserin'}, body: 'Stimmt.', quote: {text: 'Der Chef sagte "nie wieder".', source: 'article'}}),
      ]);
      const fromComment = view.comment('Zitiererin').querySelector('figure')!;
      expect(fromComment.querySelector('blockquote')!.textContent!.trim()).to.equal('„Ferrari nennt es ‚das beste Auto‘.“');
      expect(fromComment.getAttribute('aria-label')).to.equal('Zitat aus dem Kommentar von Quelle');
      const fromArticle = view.comment('Leserin').querySelector('figure')!;
      expect(fromArticle.querySelector('blockquote')!.textContent!.trim()).to.equal('„Der Chef sagte ‚nie wieder‘.“');
      expect(fromArticle.getAttribute('aria-label')).to.equal('Zitat aus dem Artikel');
    });

    it('show single marks inside the composer’s quote preview too', async () => {
      const view = await renderDiscussion([record({id: 'p1', author: {name: 'Paula'}, body: 'Sie nannte es „Unsinn“.'})]);
      const form = await view.openReply(view.comment('Paula'), 'quote');
      expect(form.quote()).to.equal('„Sie nannte es ‚Unsinn‘.“');
      // The reply form names whom it answers.
      expect(form.root.querySelector('label[for="body"]')!.textContent!.trim()).to.equal('Ihre Antwort an Paula');
    });
  });

  describe('error messages say what to do', () => {
    const now = Date.parse('2026-11-25T16:00:00Z');

    it('for posting a comment', () => {
      expect(errorMessage(new TimeoutError(10_000), now)).to.equal('Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es gleich noch einmal.');
      expect(errorMessage(new ForbiddenError(), now)).to.equal('Bitte melden Sie sich an, um zu kommentieren.');
      expect(errorMessage(new NetworkError(), now)).to.equal('Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es dann noch einmal.');
      expect(errorMessage(new ServerError(500), now)).to.equal('Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten noch einmal.');
      expect(errorMessage(new UnexpectedResponseError('x'), now)).to.equal('Der Server hat unerwartet geantwortet. Bitte versuchen Sie es später noch einmal.');
      expect(errorMessage(new AbortedError(), now)).to.equal('Der Vorgang wurde abgebrochen. Bitte versuchen Sie es noch einmal.');
      expect(errorMessage(new ValidationError({}), now)).to.equal('Der Kommentar wurde nicht angenommen. Bitte überarbeiten Sie Ihren Text und senden Sie ihn dann noch einmal.');
      expect(errorMessage(new NotFoundError(), now)).to.equal('Der Kommentar, auf den Sie antworten, existiert nicht mehr. Sie können Ihren Text kopieren und als neuen Kommentar senden.');
      expect(errorMessage(new RateLimitedError(now + 30_000), now)).to.equal('Sie haben gerade sehr viele Kommentare geschrieben. Bitte warten Sie 30\u00a0Sekunden.');
      expect(errorMessage(new Error('a bug'), now)).to.match(/\. Bitte versuchen Sie es /);
    });

    it('for loading: what fits there, not "um zu kommentieren"', () => {
      expect(errorMessage(new ForbiddenError(), now, 'load')).to.equal('Dafür fehlt Ihnen die Berechtigung. Bitte melden Sie sich an und laden Sie die Seite neu.');
      expect(errorMessage(new NotFoundError(), now, 'load')).to.equal('Diese Diskussion wurde nicht gefunden. Bitte laden Sie die Seite später neu.');
      expect(de.inlineUnreadable).to.equal('Die Kommentare dieser Seite können gerade nicht angezeigt werden.');
    });

    it('offline: says once that the text stays and when to send, without a second "erneut versuchen"', () => {
      const online = goOffline();
      try {
        const message = describeFailure(new NetworkError(), now).message;
        expect(message).to.equal('Sie sind offline. Ihr Text bleibt erhalten – senden Sie ihn, sobald die Verbindung wieder besteht.');
        expect(describeFailure(new NetworkError(), now).offline).to.equal(true);
        expect(errorMessage(new NetworkError(), now, 'load')).to.equal('Sie sind offline. Bitte versuchen Sie es noch einmal, sobald die Verbindung wieder besteht.');
        expect(describeReportFailure(new NetworkError(), now).message).to.equal(
          'Sie sind offline. Ihre Meldung bleibt erhalten – senden Sie sie, sobald die Verbindung wieder besteht.'
        );
      } finally {
        online();
      }
    });

    it('never tell the reader twice to try again, nor twice that the text stays', () => {
      const errors = [new NetworkError(), new TimeoutError(1000), new ServerError(503), new ForbiddenError(), new UnexpectedResponseError('x'), new RateLimitedError(null), new AbortedError(), new Error('bug')];
      const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
      for (const error of errors) {
        for (const message of [describeFailure(error as NetworkError, now).message, describeReportFailure(error as NetworkError, now).message]) {
          expect(count(message, /erneut versuchen|es erneut|noch einmal/g), message).to.be.at.most(1);
          expect(count(message, /bleibt erhalten/g), message).to.equal(1);
        }
      }
      expect(describeFailure(new TimeoutError(1000), now).message).to.equal(
        'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es gleich noch einmal. Ihr Text bleibt erhalten.'
      );
      expect(describeFailure(new ForbiddenError(), now).message).to.equal('Bitte melden Sie sich an, um zu kommentieren. Ihr Text bleibt erhalten.');
      expect(describeReportFailure(new ForbiddenError(), now).message).to.equal('Bitte melden Sie sich an, um Meldungen zu senden. Ihre Meldung bleibt erhalten.');
    });
  });

  describe('sending by itself once back online', () => {
    const clock = new ManualClock('2026-11-25T16:00:00Z');

    /** Fails like a REST adapter while the browser is offline; stores otherwise. */
    class OfflineAwareAdapter extends MemoryAdapter {
      attempts: PostRequest[] = [];
      constructor() {
        super({}, {clock});
      }
      override async post(request: PostRequest) {
        this.attempts.push(request);
        if (navigator.onLine === false) throw new NetworkError();
        // An answer that takes a moment, so a second `online` arrives while the first send is under way.
        await new Promise((resolve) => setTimeout(resolve, 30));
        return super.post(request);
      }
    }

    async function composer(adapter: MemoryAdapter): Promise<ComposerHarness> {
      const element = document.createElement('comment-reply') as CommentReply;
      element.thread = freshThread('auto-send');
      element.adapter = adapter;
      mount(element);
      await element.updateComplete;
      return new ComposerHarness(element);
    }

    const offer = (form: ComposerHarness) => form.root.querySelector<HTMLElement>('[part~="auto-send"]');
    const checkbox = (form: ComposerHarness) => form.root.querySelector<HTMLInputElement>('input[name="auto-send"]');

    it('offers it after an offline failure and sends once on "online", with the same key; the draft stays until then', async () => {
      const adapter = new OfflineAwareAdapter();
      const form = await composer(adapter);
      const posted: unknown[] = [];
      form.element.addEventListener('comment-posted', (event) => posted.push(event.comment));
      await form.write('Aus dem Funkloch', 'Pendlerin');
      const online = goOffline();
      try {
        await form.send();
      } finally {
        online();
      }
      expect(form.errors().join(' ')).to.equal('Sie sind offline. Ihr Text bleibt erhalten – senden Sie ihn, sobald die Verbindung wieder besteht.');
      expect(offer(form)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Automatisch senden, sobald die Verbindung wieder besteht Ihr Text wird automatisch gesendet, sobald Sie wieder online sind.'
      );
      expect(checkbox(form)!.checked).to.equal(true);
      expect(readDraft(form.element.resolvedThread, null, Date.now())).to.exist;
      expect(posted).to.have.length(0);

      // The browser says it is back, twice in a row: one post.
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await until(() => posted.length === 1, 'the comment sent by itself');
      await form.idle();
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(posted).to.have.length(1);
      expect(adapter.attempts).to.have.length(2);
      expect(adapter.attempts[1].idempotencyKey).to.equal(adapter.attempts[0].idempotencyKey);
      expect(form.textarea.value).to.equal('');
      expect(offer(form)).to.equal(null);
      expect(readDraft(form.element.resolvedThread, null, Date.now())).to.equal(undefined);
    });

    it('does not send when the reader unticks it, and the text stays for "Senden"', async () => {
      const adapter = new OfflineAwareAdapter();
      const form = await composer(adapter);
      await form.write('Lieber selbst senden', 'Vorsichtig');
      const online = goOffline();
      try {
        await form.send();
      } finally {
        online();
      }
      checkbox(form)!.click();
      await form.element.updateComplete;
      expect(offer(form)!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Ihr Text wird nicht automatisch gesendet.');
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await form.element.updateComplete;
      expect(adapter.attempts).to.have.length(1);
      expect(offer(form)).to.equal(null);
      expect(form.textarea.value).to.equal('Lieber selbst senden');
      await form.send();
      expect(adapter.attempts).to.have.length(2);
      expect(form.textarea.value).to.equal('');
    });

    it('is not offered for failures other than being offline', async () => {
      const adapter = new OfflineAwareAdapter();
      adapter.post = async () => {
        throw new NetworkError();
      };
      const form = await composer(adapter);
      await form.write('Server weg', 'Jemand');
      await form.send();
      expect(form.errors().join(' ')).to.contain('Keine Verbindung zum Server.');
      expect(offer(form)).to.equal(null);
    });
  });

  describe('closing the composer', () => {
    it('the top composer closes with "Schließen", a reply form with "Abbrechen"', async () => {
      const view = await renderDiscussion([record({id: 's1', author: {name: 'Sina'}})]);
      const composer = await view.composer();
      composer.element.cancelable = true;
      await composer.element.updateComplete;
      expect(composer.root.querySelector('[part~="cancel-button"]')!.textContent!.trim()).to.equal('Schließen');
      const reply = await view.openReply(view.comment('Sina'));
      expect(reply.root.querySelector('[part~="cancel-button"]')!.textContent!.trim()).to.equal('Abbrechen');
    });
  });
});
