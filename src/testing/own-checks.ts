/**
 * The conformance checks for signed-in readers and their own comments (see
 * conformance.ts): the viewer in every page, the account behind a post,
 * editing within the window, deleting with undo, reply notifications.
 *
 * Checks that need a reader to sign in (or a second reader) use
 * `setup.signIn`; without it they are skipped. A backend that cannot edit,
 * delete or notify says why with `skip: {edit | delete | notifications: '…'}`
 * and claims none of it in its capabilities.
 */
import type {CommentAdapter, Viewer} from '../adapters/adapter.js';
import {ForbiddenError, ValidationError} from '../adapters/errors.js';
import type {Comment, SortOrder} from '../model/comment.js';
import {parseComments} from '../model/parse.js';
import {parseViewer} from '../model/viewer.js';
import type {ConformanceCheck, ConformanceSetup} from './conformance.js';
import {check, checked, key, rejection} from './support.js';

type LoadAll = (adapter: CommentAdapter, thread: string, sort: SortOrder, limit: number) => Promise<unknown[]>;

let readers = 0;
/** A reader of the publisher's login, new for each check. */
function someone(name: string): Viewer {
  const n = readers++;
  return {id: `conformance-${Date.now().toString(36)}-${n}`, name: `${name} ${n}`, role: 'reader', email: `leser${n}@example.com`};
}

export function ownChecks(setup: ConformanceSetup, loadAll: LoadAll): ConformanceCheck[] {
  const noSignIn = setup.signIn ? undefined : 'the setup has no signIn()';

  /** A new discussion, and an adapter for a reader signed in there (or the anonymous one without signIn). */
  async function as(viewer: Viewer | null, thread?: string): Promise<{adapter: CommentAdapter; thread: string}> {
    const created = await setup.create(thread);
    return {adapter: setup.signIn ? await setup.signIn(viewer, created.thread, created.adapter) : created.adapter, thread: created.thread};
  }

  async function write(adapter: CommentAdapter, thread: string, body: string, parentId: string | null = null, notify: {email: string} | null = null) {
    return checked(await adapter.post({thread, parentId, author: {name: 'Prüferin'}, body, quote: null, idempotencyKey: key(), notify}), 'the answer to post()');
  }

  async function seen(adapter: CommentAdapter, thread: string, id: string): Promise<Comment | undefined> {
    return parseComments(await loadAll(adapter, thread, 'newest', 50)).comments.find((comment) => comment.id === id);
  }

  const claims = (adapter: CommentAdapter, capability: 'edit' | 'delete' | 'notifications', method: 'edit' | 'delete' | 'notify') => {
    check(adapter.capabilities?.[capability] === true, `the adapter does not claim capabilities.${capability} (if the backend cannot, skip: {${capability === 'notifications' ? 'notifications' : capability}: "why"} says so)`);
    check(typeof adapter[method] === 'function', `capabilities.${capability} is true, but the adapter has no ${method}()`);
  };

  return [
    {
      name: 'a signed-in reader is named in every page, and their posts carry their account',
      skipped: setup.skip?.viewer ?? noSignIn,
      run: async () => {
        const julia = someone('Julia');
        const {adapter, thread} = await as(julia);
        const page = await adapter.load({thread, cursor: null, sort: 'newest', limit: 10});
        const viewer = parseViewer(page.viewer);
        check(viewer && viewer.id === julia.id && viewer.name === julia.name, `load() names the viewer ${JSON.stringify(page.viewer)}, not ${JSON.stringify(julia)}`);
        const stored = await write(adapter, thread, 'Mit Konto geschrieben');
        check(stored.author.id === julia.id, `a signed-in post has author.id ${JSON.stringify(stored.author.id)}, not the account's ${julia.id}`);
        check(stored.author.name === julia.name, `a signed-in post is by "${stored.author.name}", not the account's name "${julia.name}"`);
        const {adapter: out} = await as(null, thread);
        const signedOut = await out.load({thread, cursor: null, sort: 'newest', limit: 10});
        check(parseViewer(signedOut.viewer) == null, `signed out, load() still names a viewer: ${JSON.stringify(signedOut.viewer)}`);
      },
    },
    {
      name: 'an author edits within the window; a repeat of the same edit is stored once; an empty text is refused',
      skipped: setup.skip?.edit,
      run: async () => {
        const {adapter, thread} = await as(someone('Autorin'));
        claims(adapter, 'edit', 'edit');
        const stored = await write(adapter, thread, 'Ein Tippfeler');
        check(stored.editableUntil !== null && stored.editableUntil > Date.now(), `the author's copy has no editableUntil in the future: ${stored.editableUntil}`);
        const request = {thread, commentId: stored.id, body: 'Ein Tippfehler', idempotencyKey: key()};
        const first = checked(await adapter.edit!(request), 'the answer to edit()');
        check(first.body === 'Ein Tippfehler' && first.editedAt !== null, `edit() answered ${JSON.stringify(first)}`);
        const again = checked(await adapter.edit!(request), 'the answer to a repeated edit()');
        check(again.editedAt === first.editedAt, 'the same idempotency key edited twice (editedAt changed)');
        check((await seen(adapter, thread, stored.id))?.body === 'Ein Tippfehler', 'the edit is not in a fresh load');
        const empty = await rejection(adapter.edit!({thread, commentId: stored.id, body: '  ', idempotencyKey: key()}));
        check(ValidationError.is(empty) && empty.fieldErrors.body, `an empty edit must be a ValidationError naming body, not ${String(empty)}`);
      },
    },
    {
      name: 'only its author may edit or delete a comment',
      skipped: setup.skip?.edit ?? noSignIn,
      run: async () => {
        const {adapter, thread} = await as(someone('Autorin'));
        const stored = await write(adapter, thread, 'Meins');
        const {adapter: other} = await as(someone('Andere'), thread);
        const edit = await rejection(other.edit!({thread, commentId: stored.id, body: 'Übernommen', idempotencyKey: key()}));
        check(ForbiddenError.is(edit) && edit.reason !== 'expired', `another reader's edit must be a ForbiddenError, not ${String(edit)}`);
        if (other.capabilities?.delete && other.delete) {
          const removal = await rejection(other.delete({thread, commentId: stored.id}));
          check(ForbiddenError.is(removal), `another reader's deletion must be a ForbiddenError, not ${String(removal)}`);
        }
        check((await seen(adapter, thread, stored.id))?.body === 'Meins', 'a refused edit changed the comment');
        // What only its author is told never reaches another reader.
        const theirs = await seen(other, thread, stored.id);
        check(theirs && theirs.editableUntil === null && !theirs.notify, `another reader is sent the author's fields: ${JSON.stringify(theirs)}`);
      },
    },
    {
      name: 'an author deletes a comment: its replies stay, the text goes, and restore() takes it back',
      skipped: setup.skip?.delete,
      run: async () => {
        const author = someone('Autorin');
        const {adapter, thread} = await as(author);
        claims(adapter, 'delete', 'delete');
        const stored = await write(adapter, thread, 'Bald weg');
        const reply = await write(adapter, thread, 'Antwort bleibt', stored.id);
        const deleted = checked(await adapter.delete!({thread, commentId: stored.id}), 'the answer to delete()');
        check(deleted.status === 'deleted', `delete() answered status ${deleted.status}`);
        const after = parseComments(await loadAll(adapter, thread, 'newest', 50)).comments;
        const gone = after.find((comment) => comment.id === stored.id);
        check(gone?.status === 'deleted' && !gone.body.includes('Bald weg'), 'a deleted comment still shows its text in a fresh load');
        check(after.some((comment) => comment.id === reply.id && comment.parentId === stored.id), 'a reply to a deleted comment is gone or moved');
        if (setup.signIn) {
          // Others learn nothing of whose it was.
          const {adapter: other} = await as(someone('Andere'), thread);
          const theirs = await seen(other, thread, stored.id);
          check(theirs && theirs.author.id === null && theirs.author.name === '' && theirs.restorableUntil === null, `another reader is sent who deleted it: ${JSON.stringify(theirs)}`);
        }
        if (!adapter.restore) return;
        check(deleted.restorableUntil !== null && deleted.restorableUntil > Date.now(), 'with restore(), the author\u2019s copy of a deleted comment needs restorableUntil in the future');
        const mine = setup.signIn ? await setup.signIn(author, thread, adapter) : adapter;
        const back = checked(await mine.restore!({thread, commentId: stored.id}), 'the answer to restore()');
        check(back.status === 'published' && back.body === 'Bald weg', `restore() answered ${JSON.stringify(back)}`);
      },
    },
    {
      name: 'reply notifications: a bad address is refused, a good one is kept, and they can be turned off and on again',
      skipped: setup.skip?.notifications,
      run: async () => {
        // Signed in where the setup can: a backend may let only signed-in authors turn them off.
        const {adapter, thread} = await as(setup.signIn ? someone('Leserin') : null);
        claims(adapter, 'notifications', 'notify');
        const bad = await rejection(adapter.post({thread, parentId: null, author: {name: 'Prüferin'}, body: 'Mit Mail', quote: null, idempotencyKey: key(), notify: {email: 'keine-adresse'}}));
        check(ValidationError.is(bad) && bad.fieldErrors.email, `a bad address must be a ValidationError naming email, not ${String(bad)}`);
        const stored = await write(adapter, thread, 'Mit Mail', null, {email: 'pruef@example.com'});
        check(stored.notify, 'the author\u2019s copy of a post with notify says notify: false');
        const off = checked(await adapter.notify!({thread, commentId: stored.id, enabled: false, email: ''}), 'the answer to notify()');
        check(!off.notify, 'notify({enabled: false}) answered notify: true');
        const refused = await rejection(adapter.notify!({thread, commentId: stored.id, enabled: true, email: 'keine-adresse'}));
        check(ValidationError.is(refused) && refused.fieldErrors.email, `notify() with a bad address must be a ValidationError naming email, not ${String(refused)}`);
        const on = checked(await adapter.notify!({thread, commentId: stored.id, enabled: true, email: 'wieder@example.com'}), 'the answer to notify()');
        check(on.notify, 'notify({enabled: true}) with a good address answered notify: false');
      },
    },
  ];
}
