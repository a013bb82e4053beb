import {expect} from '@open-wc/testing';
import {WalineAdapter} from '../src/adapters/waline-adapter.js';
import {toRecord, walineStatus} from '../src/adapters/waline-records.js';
import {isRecord} from '../src/model/is-record.js';
import {freshThread} from './harness.js';
import {moderate, reader, waline, walinePost} from './waline-helpers.js';

/** Each loaded record's text and status, read without trusting the records. */
async function statuses(adapter: WalineAdapter, thread: string) {
  const page = await adapter.load({thread, cursor: null, sort: 'oldest', limit: 10});
  return page.comments.map((record) => (isRecord(record) ? [record.body, record.status] : []));
}

describe('Waline’s moderation status, against a real Waline server', () => {
  it('shows approved as published, waiting as pending and spam as rejected to the author, and neither to others', async () => {
    const path = `/artikel/${freshThread('waline-moderation')}`;
    const token = await reader();
    await walinePost(path, {comment: 'Freigegeben.'}, token);
    const waiting = await walinePost(path, {comment: 'Wartet auf Freigabe.'}, token);
    const spam = await walinePost(path, {comment: 'Als Spam markiert.'}, token);
    // What an administrator does in Waline's admin panel.
    await moderate(waiting.objectId, 'waiting');
    await moderate(spam.objectId, 'spam');

    const serverURL = await waline();
    const author = new WalineAdapter({serverURL, headers: {Authorization: `Bearer ${token}`}});
    expect(await statuses(author, path)).to.deep.equal([
      ['Freigegeben.', 'published'],
      ['Wartet auf Freigabe.', 'pending'],
      ['Als Spam markiert.', 'rejected'],
    ]);
    expect(await statuses(new WalineAdapter({serverURL}), path)).to.deep.equal([['Freigegeben.', 'published']]);
  });

  it('maps every Waline status, and hides the text of one it does not know', () => {
    expect(['approved', 'waiting', 'spam', undefined, 'deleted'].map(walineStatus)).to.deep.equal([
      'published',
      'pending',
      'rejected',
      'published',
      'removed',
    ]);
    const record = toRecord({objectId: 7, nick: 'Lea', comment: '<p>Hallo</p>', time: Date.parse('2026-11-25T10:00:00Z'), status: 'spam'}, new Set());
    expect(record).to.include({id: '7', status: 'rejected', body: 'Hallo'});
  });

  it('claims neither reports nor closing, which Waline does not have', async () => {
    const adapter = new WalineAdapter({serverURL: await waline()});
    expect(adapter.capabilities.report).to.equal(false);
    expect('report' in adapter).to.equal(false);
    const page = await adapter.load({thread: `/artikel/${freshThread('waline-open')}`, cursor: null, sort: 'newest', limit: 10});
    expect(page.discussion).not.to.have.any.keys('closed', 'closedMessage', 'closesAt');
  });
});
