import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {BrowserStorageAdapter} from '../src/adapters/browser-storage-adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {RestAdapter} from '../src/adapters/rest-adapter.js';
import {adapterConformance, ConformanceError, type ConformanceSetup} from '../src/testing/conformance.js';
import type {CommentAdapter, DiscussionInfo} from '../src/adapters/adapter.js';
import {freshThread} from './harness.js';

function register(name: string, setup: ConformanceSetup): void {
  describe(`${name} passes the adapter conformance suite`, () => {
    for (const check of adapterConformance(setup)) {
      if (check.skipped) it.skip(`${check.name} (${check.skipped})`);
      else it(check.name, check.run);
    }
  });
}

/** The publisher closes a discussion of an adapter without a server. */
async function setDiscussion(thread: string, info: DiscussionInfo, adapter: CommentAdapter) {
  if (!(adapter instanceof MemoryAdapter)) throw new Error('not a MemoryAdapter');
  adapter.setDiscussion(thread, info);
}

const memory = new MemoryAdapter({}, {notifications: true});
register('MemoryAdapter', {
  create: async (thread) => ({adapter: memory, thread: thread ?? freshThread('memory')}),
  setDiscussion,
  signIn: async (viewer) => {
    memory.setViewer(viewer);
    return memory;
  },
});

register('BrowserStorageAdapter', {
  // A new instance per call, like a second tab: it must find the first one's posts.
  create: async (thread) => ({adapter: new BrowserStorageAdapter({}, {notifications: true}), thread: thread ?? freshThread('storage')}),
  setDiscussion,
  // Given, not kept in storage: other test files share this origin's storage.
  signIn: async (viewer) => new BrowserStorageAdapter({}, {viewer, notifications: true}),
});

const restServer = async () => ((await executeServerCommand('rest-server')) as {url: string}).url;

register('RestAdapter (against the reference server)', {
  create: async (thread) => ({adapter: new RestAdapter({baseUrl: `${await restServer()}/api`, pollInterval: 200}), thread: thread ?? freshThread('rest')}),
  // A session of the publisher's login (the reference server's test control), sent as a bearer token.
  signIn: async (viewer) => {
    const baseUrl = `${await restServer()}/api`;
    if (!viewer) return new RestAdapter({baseUrl, pollInterval: 200});
    const response = await fetch(`${await restServer()}/__control/session`, {method: 'POST', body: JSON.stringify({viewer})});
    const {token} = (await response.json()) as {token: string};
    return new RestAdapter({baseUrl, pollInterval: 200, headers: {Authorization: `Bearer ${token}`}});
  },
  // The publisher's side, through the reference server's test control.
  setDiscussion: async (thread, info) => {
    const response = await fetch(`${await restServer()}/__control/discussion`, {method: 'POST', body: JSON.stringify({thread, ...info})});
    if (!response.ok) throw new Error(`/__control/discussion answered ${response.status}`);
  },
});

describe('the conformance suite itself', () => {
  it('fails an adapter that loses comments between pages', async () => {
    class Lossy extends MemoryAdapter {
      override async load(request: Parameters<MemoryAdapter['load']>[0]) {
        const page = await super.load(request);
        return request.cursor === null ? page : {...page, comments: page.comments.slice(1)};
      }
    }
    const lossy: CommentAdapter = new Lossy();
    const checks = adapterConformance({create: async () => ({adapter: lossy, thread: freshThread('lossy')})});
    const paging = checks.find((c) => c.name.startsWith('paging newest'))!;
    const error = await paging.run().then(
      () => undefined,
      (e) => e
    );
    expect(error).to.be.instanceOf(ConformanceError);
    expect(error.message).to.match(/is missing from the pages/);
  });

  it('fails an adapter that takes a retried report twice, or claims reports it cannot take', async () => {
    class Forgetful extends MemoryAdapter {
      override async report(request: Parameters<MemoryAdapter['report']>[0]) {
        return super.report({...request, idempotencyKey: `${request.idempotencyKey}-${Math.random()}`});
      }
    }
    const run = async (adapter: CommentAdapter, name: string) => {
      const checks = adapterConformance({create: async () => ({adapter, thread: freshThread('reports')})});
      return checks.find((c) => c.name.startsWith(name))!.run().then(() => undefined, (e) => e);
    };
    const forgetful = await run(new Forgetful(), 'a report retried');
    expect(forgetful).to.be.instanceOf(ConformanceError);
    expect(forgetful.message).to.match(/must return the first receipt/);

    const pretender: CommentAdapter = Object.assign(new MemoryAdapter(), {report: undefined});
    const pretending = await run(pretender, 'a report for each reason');
    expect(pretending.message).to.match(/has no report\(\)/);
  });

  it('fails an adapter that counts a repeated reaction again, or repeats comments when counts change while paging', async () => {
    class Generous extends MemoryAdapter {
      override async react(request: Parameters<MemoryAdapter['react']>[0]) {
        return super.react({...request, readerId: `${request.readerId}-${Math.random()}`});
      }
    }
    /** Pages by the counts of the moment, as a naive backend would: a comment that lost reactions comes again. */
    class Naive extends MemoryAdapter {
      override async load(request: Parameters<MemoryAdapter['load']>[0]) {
        if (request.sort !== 'reactions' || request.cursor === null) return super.load(request);
        const all = await super.load({...request, cursor: null, limit: 1000});
        return {...all, nextCursor: null};
      }
    }
    const run = async (adapter: CommentAdapter, name: string) => {
      const checks = adapterConformance({create: async () => ({adapter, thread: freshThread('reactions')})});
      return checks.find((c) => c.name.startsWith(name))!.run().then(() => undefined, (e) => e);
    };
    const generous = await run(new Generous(), 'a reaction toggles');
    expect(generous).to.be.instanceOf(ConformanceError);
    expect(generous.message).to.match(/must not count again/);
    const naive = await run(new Naive(), 'sorted by reactions, counts that change');
    expect(naive).to.be.instanceOf(ConformanceError);
    expect(naive.message).to.match(/came twice/);
  });
});
