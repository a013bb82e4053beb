import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CommentRecord} from '../src/model/comment.js';
import {ManualClock} from '../src/time/clock.js';
import {pressControlEnter, record, renderDiscussion, until} from './harness.js';

const clock = new ManualClock('2026-11-25T16:00:00Z');

function discussion(): CommentRecord[] {
  return [
    record({
      id: 'c1',
      author: {name: 'Tifosi_1947'},
      body: 'gehört Ferrari nicht zu Fiat?',
      quote: {text: 'Ferrari hat als einer der wenigen Luxus-Hersteller keinen großen Konzern hinter sich', source: 'article'},
      createdAt: '2026-11-24T17:03:00Z',
    }),
    record({id: 'c2', parentId: 'c1', author: {name: 'Julia Weber', role: 'staff'}, body: 'Nicht mehr.', createdAt: '2026-11-24T17:41:00Z'}),
    record({id: 'c3', parentId: 'c2', author: {name: 'kev'}, body: 'krass.', createdAt: '2026-11-24T19:15:00Z'}),
    record({id: 'c4', parentId: 'c3', author: {name: 'tief'}, body: 'https://example.com/link', createdAt: '2026-11-24T19:20:00Z'}),
    record({id: 'c5', parentId: 'c4', author: {name: 'tiefer'}, body: 'Antwort an tief', createdAt: '2026-11-24T19:25:00Z'}),
    record({id: 'c6', status: 'removed', author: {name: 'weg'}, body: 'x', createdAt: '2026-11-24T10:00:00Z'}),
    record({id: 'c7', author: {name: 'Sabine K.'}, body: 'Absatz eins.\n\nAbsatz zwei.', createdAt: '2026-11-23T09:12:00Z'}),
  ];
}

describe('accessibility', () => {
  it('has no axe-core violations on the rendered discussion', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    await expect(view.element).to.be.accessible();
  });

  it('has no axe-core violations with a reply form open and showing errors', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    const form = await view.openReply(view.comment('kev'), 'quote');
    await form.fill(form.nameField, '');
    await form.send();
    expect(form.errors()).not.to.be.empty;
    await expect(view.element).to.be.accessible();
  });

  it('has no violations while loading, empty, and in the dark theme', async () => {
    const empty = await renderDiscussion([], {clock, attributes: {theme: 'dark'}});
    await expect(empty.element).to.be.accessible();
  });

  it('names every comment and region for assistive technology', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    expect(view.comment('Tifosi_1947').getAttribute('aria-label')).to.equal('Kommentar von Tifosi_1947');
    expect(view.comment('kev').getAttribute('aria-label')).to.equal('Antwort von kev an Julia Weber');
    expect(view.comment('#c6').getAttribute('aria-label')).to.equal('Dieser Kommentar wurde von der Redaktion entfernt.');
    const section = view.root.querySelector('section')!;
    expect(view.root.getElementById(section.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal('6\u00a0Kommentare');
    expect(view.action(view.comment('kev'), 'reply').getAttribute('aria-label')).to.equal('kev antworten');
  });

  it('can be used by keyboard alone: reach "Antworten", write, send, land on the new reply', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    view.root.querySelector('select')!.focus();
    const target = view.action(view.comment('Sabine K.'), 'reply');
    for (let i = 0; i < 60 && view.focused() !== target; i++) await sendKeys({press: 'Tab'});
    expect(view.focused()).to.equal(target);
    await sendKeys({press: 'Enter'});
    const form = await until(() => view.comment('Sabine K.').closest('li')!.querySelector(':scope > comment-reply'), 'the form');
    await until(() => view.focused() === form.shadowRoot!.querySelector('textarea'), 'focus in the text field');
    await sendKeys({type: 'Nur mit der Tastatur geschrieben.'});
    await sendKeys({press: 'Tab'});
    expect(view.focused()).to.equal(form.shadowRoot!.querySelector('input[name="name"]'));
    await sendKeys({type: 'Tastatur-Tina'});
    await pressControlEnter();
    const reply = await until(() => view.comments().find((c) => view.author(c) === 'Tastatur-Tina'), 'the reply');
    await until(() => view.focused() === reply, 'focus on the new reply');
  });

  it('toggles replies with the keyboard', async () => {
    const view = await renderDiscussion(discussion(), {clock});
    const toggle = view.toggleOf(view.comment('Tifosi_1947'))!;
    toggle.focus();
    await sendKeys({press: 'Enter'});
    await until(() => toggle.getAttribute('aria-expanded') === 'false', 'collapsed');
    await sendKeys({press: ' '});
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'expanded');
  });
});
