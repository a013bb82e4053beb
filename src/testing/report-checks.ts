/**
 * The conformance checks for reports of comments (see conformance.ts). An
 * adapter that takes no reports (`capabilities.report` false) says why with
 * `skip: {report: '…'}`.
 */
import type {CommentAdapter, IllegalContentNotice, ReportReason, ReportReceipt, ReportRequest} from '../adapters/adapter.js';
import {NotFoundError, ValidationError} from '../adapters/errors.js';
import type {Comment} from '../model/comment.js';
import {parseDate} from '../model/parse.js';
import {parseReceipt} from '../model/report.js';
import type {ConformanceCheck, ConformanceSetup} from './conformance.js';
import {check, key, rejection} from './support.js';

const notice = (commentId: string, changes: Partial<IllegalContentNotice> = {}): IllegalContentNotice => ({
  permalink: `https://www.example-news.de/artikel/konformitaet#comment-${encodeURIComponent(commentId)}`,
  urls: ['https://www.example-news.de/artikel/konformitaet'],
  name: 'Petra Prüferin',
  email: 'petra@example.com',
  childAbuse: false,
  goodFaith: true,
  ...changes,
});

export function reportChecks(
  setup: ConformanceSetup,
  post: (adapter: CommentAdapter, thread: string, body: string) => Promise<Comment>
): ConformanceCheck[] {
  const skipped = setup.skip?.report;

  /** A discussion with one comment to report, and a way to report it. */
  async function reportable() {
    const {adapter, thread} = await setup.create();
    check(
      adapter.capabilities?.report === true,
      'the adapter does not claim capabilities.report (if the backend takes no reports, skip: {report: "why"} says so)'
    );
    check(typeof adapter.report === 'function', 'capabilities.report is true, but the adapter has no report()');
    const comment = await post(adapter, thread, 'Dieser Kommentar wird gemeldet.');
    const report = async (reason: ReportReason, changes: Partial<ReportRequest> = {}) =>
      adapter.report!({thread, commentId: comment.id, reason, details: '', notice: null, idempotencyKey: key(), ...changes});
    return {adapter, thread, comment, report};
  }

  function receipt(value: unknown, what: string): ReportReceipt {
    const parsed = parseReceipt(value);
    check(parsed, `${what} is not a receipt {id, receivedAt: ISO 8601}: ${JSON.stringify(value)}`);
    check(Math.abs(parseDate(parsed.receivedAt)! - Date.now()) < 10 * 60_000, `receivedAt must be the time the report arrived, got ${parsed.receivedAt}`);
    return parsed;
  }

  return [
    {
      name: 'a report for each reason returns a receipt with a reference and the time received',
      skipped,
      run: async () => {
        const {comment, report} = await reportable();
        const ids = new Set<string>();
        for (const reason of ['offensive', 'spam', 'misinformation', 'netiquette'] as const) {
          ids.add(receipt(await report(reason, {details: reason === 'spam' ? 'Werbung für einen Shop.' : ''}), `the answer to report(${reason})`).id);
        }
        const illegal = await report('illegal', {details: 'Eine Beleidigung nach § 185 StGB.', notice: notice(comment.id)});
        ids.add(receipt(illegal, 'the answer to an illegal-content notice').id);
        check(ids.size === 5, 'every report needs a reference of its own');
      },
    },
    {
      name: 'a report retried with the same idempotency key is received once',
      skipped,
      run: async () => {
        const {report} = await reportable();
        const idempotencyKey = key();
        const first = receipt(await report('offensive', {idempotencyKey}), 'the answer to report()');
        const again = receipt(await report('offensive', {idempotencyKey}), 'the answer to a repeated report()');
        check(again.id === first.id, `the retry must return the first receipt (${first.id}), got ${again.id}`);
      },
    },
    {
      name: 'an illegal-content notice without explanation, name, e-mail or confirmation is refused naming each field',
      skipped,
      run: async () => {
        const {comment, report} = await reportable();
        const error = await rejection(report('illegal', {notice: notice(comment.id, {name: '', email: '', goodFaith: false})}));
        check(ValidationError.is(error), `expected a ValidationError, got ${String(error)}`);
        for (const field of ['details', 'name', 'email', 'goodFaith'] as const) {
          const message = error.fieldErrors[field];
          check(typeof message === 'string' && message !== '', `the error must say what is wrong with ${field}: ${JSON.stringify(error.fieldErrors)}`);
        }
      },
    },
    {
      name: 'a notice about depictions of child sexual abuse needs no name or e-mail',
      skipped,
      run: async () => {
        const {comment, report} = await reportable();
        const answer = await report('illegal', {
          details: 'Darstellung sexuellen Kindesmissbrauchs.',
          notice: notice(comment.id, {name: '', email: '', childAbuse: true}),
        });
        receipt(answer, 'the answer to an anonymous notice');
      },
    },
    {
      name: 'a report of a comment that does not exist is refused with NotFoundError',
      skipped,
      run: async () => {
        const {report} = await reportable();
        const error = await rejection(report('spam', {commentId: 'gibt-es-nicht-4711'}));
        check(NotFoundError.is(error), `expected NotFoundError, got ${String(error)}`);
      },
    },
  ];
}
