import {expect} from '@open-wc/testing';
import {record, renderDiscussion} from './harness.js';

/** The text node of a comment's first paragraph. */
function firstText(article: HTMLElement): Text {
  const paragraph = article.querySelector('[part~="body"] p')!;
  return [...paragraph.childNodes].find((node): node is Text => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '')!;
}

describe('"Zitieren" of a selected passage', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('quotes what the reader selected inside the comment, in every engine', async () => {
    const view = await renderDiscussion([
      record({id: 'q', author: {name: 'Quelle'}, body: 'Erster Satz. Zweiter Satz, den ich zitiere. Dritter Satz.'}),
    ]);
    const text = firstText(view.comment('Quelle'));
    const start = text.data.indexOf('Zweiter');
    document.getSelection()!.setBaseAndExtent(text, start, text, start + 'Zweiter Satz, den ich zitiere.'.length);
    // As a pointer does: down on the button, the button takes focus (WebKit then clears the selection), click.
    const button = view.action(view.comment('Quelle'), 'quote');
    button.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
    button.focus();
    const form = await view.openReply(view.comment('Quelle'), 'quote');
    expect(form.quote()).to.equal('„Zweiter Satz, den ich zitiere.“');
  });

  it('quotes the start of the comment when nothing in it is selected', async () => {
    const view = await renderDiscussion([
      record({id: 'a', author: {name: 'Andere'}, body: 'Hier ist etwas markiert.'}),
      record({id: 'b', author: {name: 'Quelle'}, body: 'Ohne Auswahl zitiert.'}),
    ]);
    const text = firstText(view.comment('Andere'));
    document.getSelection()!.setBaseAndExtent(text, 0, text, 4);
    const form = await view.openReply(view.comment('Quelle'), 'quote');
    expect(form.quote()).to.equal('„Ohne Auswahl zitiert.“');
  });
});
