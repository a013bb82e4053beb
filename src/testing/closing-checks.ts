/** The conformance checks for closing a discussion (see conformance.ts). */
import type {CommentAdapter, LiveUpdate} from '../adapters/adapter.js';
import {ClosedError} from '../adapters/errors.js';
import type {Comment} from '../model/comment.js';
import {parseDate} from '../model/parse.js';
import type {ConformanceCheck, ConformanceSetup} from './conformance.js';
import {check, rejection, wait} from './support.js';

/** A discussion closed by its backend refuses posts, and reopened takes them again. */
export function closingChecks(
  setup: ConformanceSetup,
  post: (adapter: CommentAdapter, thread: string, body: string) => Promise<Comment>
): ConformanceCheck[] {
  const skipped = setup.setDiscussion ? undefined : 'the setup has no setDiscussion() to close a discussion';
  const refused = async (adapter: CommentAdapter, thread: string, what: string) => {
    const error = await rejection(post(adapter, thread, 'Nach Schluss'));
    check(ClosedError.is(error), `a post to a discussion ${what} must fail with ClosedError, got ${String(error)}`);
  };
  const loaded = async (adapter: CommentAdapter, thread: string) =>
    (await adapter.load({thread, cursor: null, sort: 'newest', limit: 10})).discussion ?? {};
  return [
    {
      name: 'a closed discussion refuses posts with ClosedError and says so; reopened, it takes them again',
      skipped,
      run: async () => {
        const {adapter, thread} = await setup.create();
        await post(adapter, thread, 'Vor Schluss');
        await setup.setDiscussion!(thread, {closed: true, closedMessage: 'Geschlossen für heute.'}, adapter);
        await refused(adapter, thread, 'that is closed');
        const info = await loaded(adapter, thread);
        check(info.closed === true, 'load() must say discussion.closed: true');
        check(info.closedMessage === 'Geschlossen für heute.', `load() must give the closedMessage, got ${JSON.stringify(info.closedMessage)}`);
        await setup.setDiscussion!(thread, {closed: false}, adapter);
        check((await loaded(adapter, thread)).closed !== true, 'a reopened discussion must not say closed');
        await post(adapter, thread, 'Wieder offen');
      },
    },
    {
      name: 'a discussion whose closesAt has passed refuses posts with ClosedError',
      skipped,
      run: async () => {
        const {adapter, thread} = await setup.create();
        const future = new Date(Date.now() + 3_600_000).toISOString();
        await setup.setDiscussion!(thread, {closesAt: future}, adapter);
        const info = await loaded(adapter, thread);
        check(info.closesAt !== undefined && parseDate(info.closesAt) === parseDate(future), `load() must give closesAt, got ${JSON.stringify(info.closesAt)}`);
        check(info.closed !== true, 'a discussion that closes later is still open');
        await post(adapter, thread, 'Noch rechtzeitig');
        await setup.setDiscussion!(thread, {closesAt: new Date(Date.now() - 60_000).toISOString()}, adapter);
        await refused(adapter, thread, 'whose closesAt has passed');
      },
    },
    {
      name: 'closing arrives live through subscribe as a discussion update',
      skipped: skipped ?? setup.skip?.live,
      run: async () => {
        const {adapter, thread} = await setup.create();
        check(adapter.subscribe, 'the adapter has no subscribe()');
        const updates: LiveUpdate[] = [];
        const stop = adapter.subscribe(thread, (update) => updates.push(update));
        try {
          await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
          await wait(100);
          await setup.setDiscussion!(thread, {closed: true, closedMessage: 'Live geschlossen.'}, adapter);
          const deadline = Date.now() + (setup.liveTimeout ?? 5000);
          const closed = () => updates.some((u) => u.type === 'discussion' && u.discussion.closed === true);
          while (!closed()) {
            check(Date.now() < deadline, 'no {type: "discussion", discussion: {closed: true}} update arrived in time');
            await wait(50);
          }
        } finally {
          stop();
        }
      },
    },
  ];
}
