import {expect} from '@open-wc/testing';
import type {CommentRecord} from '../src/model/comment.js';
import {ManualClock} from '../src/time/clock.js';
import {record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** A chain of `depth + 1` comments, each answering the one before. */
function chain(depth: number): CommentRecord[] {
  return Array.from({length: depth + 1}, (_, i) =>
    record({
      id: `d${i}`,
      parentId: i === 0 ? null : `d${i - 1}`,
      author: {name: `Ebene ${i}`},
      createdAt: new Date(Date.parse('2026-11-25T08:00:00Z') + i * 60_000).toISOString(),
    })
  );
}

describe('threading', () => {
  it('indents up to max-depth and marks deeper replies with "Antwort an Name" (no "@")', async () => {
    const view = await renderDiscussion(chain(7), {clock});
    const levels = view.comments().map((c) => view.indentLevel(c));
    expect(levels).to.deep.equal([0, 1, 2, 3, 3, 3, 3, 3]);
    const marker = (i: number) => view.comment(`Ebene ${i}`).querySelector('[part~="reply-to"]');
    expect(marker(3)).to.equal(null);
    expect(marker(4)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Antwort an Ebene 3');
    expect(marker(7)!.querySelector('a')!.getAttribute('href')).to.equal('#comment-d6');
    // Every reply still names whom it answers for screen readers.
    expect(view.comment('Ebene 5').getAttribute('aria-label')).to.equal('Antwort von Ebene 5 an Ebene 4');
  });

  it('takes its indentation limit from the max-depth attribute', async () => {
    const view = await renderDiscussion(chain(3), {clock, attributes: {'max-depth': '1'}});
    expect(view.comments().map((c) => view.indentLevel(c))).to.deep.equal([0, 1, 1, 1]);
    expect(view.comment('Ebene 2').querySelector('[part~="reply-to"]')).to.exist;
  });

  it('collapses and expands replies', async () => {
    const view = await renderDiscussion(chain(2), {clock});
    const top = view.comment('Ebene 0');
    const toggle = view.toggleOf(top)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await view.element.updateComplete;
    // The visible count, then (for screen readers) whose replies they are.
    expect(toggle.textContent!.trim()).to.equal('2\u00a0Antworten an Ebene 0');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(view.comments().map((c) => view.author(c))).to.deep.equal(['Ebene 0']);
    expect(view.root.getElementById(toggle.getAttribute('aria-controls')!)).to.exist;
    toggle.click();
    await view.element.updateComplete;
    expect(view.comments()).to.have.length(3);
    expect(toggle.textContent!.trim()).to.equal('2\u00a0Antworten ausblenden, Antworten an Ebene 0');
  });

  it('can start with replies collapsed', async () => {
    const view = await renderDiscussion(chain(2), {clock, attributes: {replies: 'collapsed'}});
    expect(view.comments()).to.have.length(1);
    view.toggleOf(view.comment('Ebene 0'))!.click();
    await until(() => view.comments().length === 2, 'one level opened');
    expect(view.toggleOf(view.comment('Ebene 1'))!.textContent!.trim()).to.equal('1\u00a0Antwort an Ebene 1');
  });

  it('shows pending, deleted and removed comments as placeholders and keeps their replies', async () => {
    const view = await renderDiscussion(
      [
        record({id: 'p', status: 'pending', author: {name: 'Wartend'}, body: 'noch nicht frei'}),
        record({id: 'p1', parentId: 'p', author: {name: 'Unter Wartend'}}),
        record({id: 'd', status: 'deleted', author: {name: 'Gelöscht'}, body: 'weg'}),
        record({id: 'd1', parentId: 'd', author: {name: 'Unter Gelöscht'}}),
        record({id: 'r', status: 'removed', author: {name: 'Entfernt'}, body: 'Beleidigung'}),
        record({id: 'r1', parentId: 'r', author: {name: 'Unter Entfernt'}}),
      ],
      {clock}
    );
    const placeholder = (id: string) => view.comment(`#${id}`).querySelector('[part~="placeholder"]')!.textContent;
    expect(placeholder('p')).to.equal('Dieser Kommentar wird noch geprüft.');
    expect(placeholder('d')).to.equal('Dieser Kommentar wurde gelöscht.');
    expect(placeholder('r')).to.equal('Dieser Kommentar wurde von der Redaktion entfernt.');
    expect(view.root.textContent).not.to.contain('noch nicht frei');
    expect(view.root.textContent).not.to.contain('Beleidigung');
    expect(view.author(view.comment('#d'))).to.equal('');
    expect(view.author(view.comment('#r'))).to.equal('');
    expect(view.comment('#r').querySelector('[data-action="reply"]')).to.equal(null);
    expect(view.author(view.parentOf(view.comment('Unter Entfernt'))!)).to.equal('');
    expect(view.parentOf(view.comment('Unter Gelöscht'))!.id).to.equal('comment-d');
    expect(view.parentOf(view.comment('Unter Wartend'))!.id).to.equal('comment-p');
    expect(view.heading()).to.equal('3\u00a0Kommentare');
  });

  it('marks staff answers with "Redaktion" and the article’s author with "Autor:in"', async () => {
    const view = await renderDiscussion(
      [
        record({id: 'q', author: {name: 'Leser'}}),
        record({id: 's', parentId: 'q', author: {name: 'Julia Weber', role: 'staff'}}),
        record({id: 'a', parentId: 'q', author: {name: 'Tom Autor', role: 'author'}}),
      ],
      {clock}
    );
    expect(view.comment('Julia Weber').querySelector('[part~="badge"]')!.textContent).to.equal('Redaktion');
    expect(view.comment('Tom Autor').querySelector('[part~="badge"]')!.textContent).to.equal('Autor:in');
    expect(view.comment('Leser').querySelector('[part~="badge"]')).to.equal(null);
  });

  it('names a quoted comment once it is loaded, also from a later page', async () => {
    const view = await renderDiscussion(
      [
        record({id: 'new', author: {name: 'Zitierer'}, quote: {text: 'Älterer Satz', source: 'old'}, createdAt: '2026-11-25T12:00:00Z'}),
        record({id: 'old', author: {name: 'Quelle'}, body: 'Älterer Satz', createdAt: '2026-11-24T12:00:00Z'}),
      ],
      {clock, attributes: {'page-size': '1'}}
    );
    const caption = () => view.comment('Zitierer').querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(caption()).to.equal('Zitat aus einem Kommentar');
    view.root.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
    await until(() => view.comments().length === 2, 'the second page');
    await until(() => caption() === 'Zitat aus dem Kommentar von Quelle', 'the caption naming the source');
  });

  it('shows edited comments as such', async () => {
    const view = await renderDiscussion([record({id: 'e', author: {name: 'Editor'}, editedAt: '2026-11-25T13:00:00Z'})], {clock});
    const edited = view.comment('Editor').querySelector('.edited')!;
    expect(edited.textContent).to.equal('(bearbeitet)');
    expect(edited.getAttribute('title')).to.match(/^Bearbeitet am Mittwoch, 25\.\u00a0November\u00a02026, \d\d:00\u00a0Uhr$/);
  });
});
