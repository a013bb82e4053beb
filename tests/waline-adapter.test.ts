import {expect} from '@open-wc/testing';
import {htmlToText} from '../src/adapters/html-to-text.js';
import {escapeMarkdown, WalineAdapter} from '../src/adapters/waline-adapter.js';
import {adapterConformance} from '../src/testing/conformance.js';
import {freshThread, renderDiscussion, until} from './harness.js';
import {account, admin, waline, walinePost} from './waline-helpers.js';

describe('WalineAdapter passes the adapter conformance suite against a real Waline server', () => {
  for (const check of adapterConformance({
    create: async (thread) => ({
      adapter: new WalineAdapter({serverURL: await waline(), pollInterval: 200}),
      thread: thread ?? `/artikel/${freshThread('waline')}`,
    }),
    skip: {
      report: 'Waline has no report API',
      viewer: 'Waline gives its accounts ids of its own (waline-accounts.test.ts checks the viewer and author.id against them)',
      delete: 'Waline deletes a comment with its replies, for good: the adapter deletes only unanswered comments, without undo (waline-accounts.test.ts)',
      notifications: 'Waline lets no author turn reply mails off once the comment is stored: no notify() (waline-accounts.test.ts checks the mail sent)',
    },
    // The publisher's login is Waline's own: a Waline user with the reader's name and address, and their token.
    signIn: async (viewer) => {
      const serverURL = await waline();
      if (!viewer) return new WalineAdapter({serverURL, pollInterval: 200});
      await admin();
      const {token} = await account({display_name: viewer.name, email: viewer.email ?? `${viewer.id}@example.com`, password: 'geheim-000'});
      return new WalineAdapter({serverURL, pollInterval: 200, token});
    },
  })) {
    if (check.skipped) it.skip(`${check.name} (${check.skipped})`);
    else it(check.name, check.run);
  }
});

describe('the Waline adapter in the widget', () => {
  it('shows a Waline discussion threaded, with the administrator as "Redaktion"', async () => {
    const path = `/artikel/${freshThread('waline')}`;
    const root = await walinePost(path, {nick: 'Tifosi_1947', comment: 'gehört Ferrari nicht zu Fiat?'});
    const reply = await walinePost(path, {nick: 'M. Brenner', comment: 'Nicht mehr, das war mal so.', pid: root.objectId, rid: root.objectId});
    await walinePost(path, {nick: 'ignored', comment: 'Stimmt, seit 2016 eigenständig.', pid: reply.objectId, rid: root.objectId}, await admin());
    const view = await renderDiscussion(null, {thread: path, adapter: new WalineAdapter({serverURL: await waline()})});
    expect(view.comments().map((c) => view.author(c))).to.deep.equal(['Tifosi_1947', 'M. Brenner', 'Julia Weber']);
    expect(view.author(view.parentOf(view.comment('Julia Weber'))!)).to.equal('M. Brenner');
    expect(view.comment('Julia Weber').querySelector('[part~="badge"]')!.textContent).to.equal('Redaktion');
    expect(view.heading()).to.equal('3\u00a0Kommentare');
  });

  it('reduces Waline’s HTML to text: nothing it sends runs or renders as markup', async () => {
    const path = `/artikel/${freshThread('waline-xss')}`;
    (window as {pwned?: number}).pwned = undefined;
    await walinePost(path, {
      nick: '<img src=x onerror="window.pwned=1">',
      comment:
        'Ein **fetter** Satz mit [Quelle](https://example.com/quelle) und <img src=x onerror="window.pwned=1"> ' +
        '<script>window.pwned=1</script>[x](javascript:window.pwned=1)\n\n<svg onload="window.pwned=1"></svg>Zweiter Absatz',
    });
    const view = await renderDiscussion(null, {thread: path, adapter: new WalineAdapter({serverURL: await waline()})});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as {pwned?: number}).pwned).to.equal(undefined);
    expect(view.root.querySelectorAll('img, svg, script, strong')).to.have.length(0);
    const [comment] = view.comments();
    expect(view.author(comment)).to.equal('<img src=x onerror="window.pwned=1">');
    const paragraphs = view.paragraphs(comment);
    expect(paragraphs[0]).to.contain('Ein fetter Satz mit Quelle (https://example.com/quelle) und');
    expect(paragraphs[0]).to.contain('[x](javascript:window.pwned=1)');
    expect(paragraphs.at(-1)).to.equal('Zweiter Absatz');
    const links = [...comment.querySelectorAll('[part~="body"] a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.com/quelle']);
  });

  it('posts a reply with a quote that Waline keeps, and shows it again after a reload', async () => {
    const path = `/artikel/${freshThread('waline-quote')}`;
    await walinePost(path, {nick: 'Sabine K.', comment: 'Warum man nicht aus der Vergangenheit lernt …'});
    const serverURL = await waline();
    let view = await renderDiscussion(null, {thread: path, adapter: new WalineAdapter({serverURL})});
    const form = await view.openReply(view.comment('Sabine K.'), 'quote');
    await form.write('Weil die Manager blind sind. *Wirklich*: 5 * 3 = 15 <3', 'Elektro-Enno');
    await form.send();
    await until(() => view.comments().some((c) => view.author(c) === 'Elektro-Enno'), 'the reply');

    view.element.remove();
    view = await renderDiscussion(null, {thread: path, adapter: new WalineAdapter({serverURL})});
    const reply = view.comment('Elektro-Enno');
    expect(view.author(view.parentOf(reply)!)).to.equal('Sabine K.');
    expect(view.paragraphs(reply)).to.deep.equal(['Weil die Manager blind sind. *Wirklich*: 5 * 3 = 15 <3']);
    expect(reply.querySelector('blockquote')!.textContent).to.contain('Warum man nicht aus der Vergangenheit lernt');
  });

  it('keeps what readers typed exactly when it has no Markdown in it', async () => {
    const path = `/artikel/${freshThread('waline-plain')}`;
    const adapter = new WalineAdapter({serverURL: await waline()});
    const text = 'Ne halbe Millione für ein auto verlangen -- und dann "in China" produzieren... Sehr schön\nZeile zwei';
    await adapter.post({thread: path, parentId: null, author: {name: 'Rosso Corsa'}, body: text, quote: null, idempotencyKey: 'plain'});
    const page = await adapter.load({thread: path, cursor: null, sort: 'newest', limit: 10});
    expect(page.comments[0]).to.have.property('body', text);
  });
});

describe('Waline without idempotency keys', () => {
  it('stores a retried post once: the repeat finds the comment stored the first time', async () => {
    const path = `/artikel/${freshThread('waline-retry')}`;
    const serverURL = await waline();
    const request = {thread: path, parentId: null, author: {name: 'Eilig'}, body: 'Antwort ging verloren', quote: null, idempotencyKey: 'k'};
    const first = await new WalineAdapter({serverURL}).post(request);
    // A new adapter (a reload) has no memory of the first answer; Waline says "Duplicate Content".
    const second = await new WalineAdapter({serverURL}).post(request);
    expect(second.id).to.equal(first.id);
    const page = await new WalineAdapter({serverURL}).load({thread: path, cursor: null, sort: 'newest', limit: 10});
    expect(page.comments).to.have.length(1);
  });
});

describe('Waline helpers', () => {
  it('reduce HTML to text with links, alt texts and paragraphs', () => {
    expect(
      htmlToText(
        '<p>Hallo <strong>Welt</strong> <img class="wl-emoji" src="x.png" alt="smile"> &amp; „Zitat“<br>\nneu</p>\n' +
          '<ul><li>eins</li><li>zwei</li></ul><p><a href="https://example.com">https://example.com</a></p>' +
          '<p>$x$<svg><path d="M0"/></svg></p>'
      )
    ).to.equal('Hallo Welt smile & „Zitat“\nneu\n\n• eins\n• zwei\n\nhttps://example.com\n\n$x$');
  });

  it('escape Markdown so Waline shows plain text as written', () => {
    expect(escapeMarkdown('# Titel\n- Liste\n5 * 3 <b>')).to.equal('\\# Titel\n\\- Liste\n5 \\* 3 \\<b\\>');
  });
});
