import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {BrowserStorageAdapter} from '../src/adapters/browser-storage-adapter.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {RestAdapter} from '../src/adapters/rest-adapter.js';
import {adapterConformance, ConformanceError, type ConformanceSetup} from '../src/testing/conformance.js';
import type {CommentAdapter} from '../src/adapters/adapter.js';
import {freshThread} from './harness.js';

function register(name: string, setup: ConformanceSetup): void {
  describe(`${name} passes the adapter conformance suite`, () => {
    for (const check of adapterConformance(setup)) {
      if (check.skipped) it.skip(`${check.name} (${check.skipped})`);
      else it(check.name, check.run);
    }
  });
}

const memory = new MemoryAdapter();
register('MemoryAdapter', {create: async (thread) => ({adapter: memory, thread: thread ?? freshThread('memory')})});

register('BrowserStorageAdapter', {
  // A new instance per call, like a second tab: it must find the first one's posts.
  create: async (thread) => ({adapter: new BrowserStorageAdapter(), thread: thread ?? freshThread('storage')}),
});

register('RestAdapter (against the reference server)', {
  create: async (thread) => {
    const {url} = (await executeServerCommand('rest-server')) as {url: string};
    return {adapter: new RestAdapter({baseUrl: `${url}/api`, pollInterval: 200}), thread: thread ?? freshThread('rest')};
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
});
