/**
 * A comment's text: paragraphs and links as Lit text bindings, a long text
 * shortened with "Weiterlesen", and a very long one shown in blocks that
 * appear over several tasks and that layout skips while off screen.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {ReadingWords} from '../../../i18n/locale.js';
import {nestQuotes} from '../../../i18n/quotes.js';
import type {Comment, Quote} from '../../../model/comment.js';
import {excerpt, textBlocks, type TextBlock} from '../../../model/layout.js';
import {linkify, toParagraphs, type Segment} from '../../../model/text.js';
import type {ThreadNode} from '../../../model/thread-tree.js';
import {progressiveList} from '../../../render/progressive-list.js';
import {anchorId, displayName, permalink} from './names.js';

function renderSegments(segments: readonly Segment[]): unknown {
  if (segments.length === 1 && segments[0].type === 'text') return segments[0].text;
  return segments.map((segment) =>
    segment.type === 'link'
      ? html`<a href=${segment.href} rel="nofollow ugc noopener noreferrer" target="_blank">${segment.text}</a>`
      : segment.text
  );
}

function renderParagraphs(text: string): TemplateResult[] {
  return toParagraphs(text).map((segments) => html`<p>${renderSegments(segments)}</p>`);
}

const blockCache = new WeakMap<Comment, TextBlock[]>();

function renderBlock(block: TextBlock): TemplateResult {
  return html`<p class=${block.continued ? 'block continued' : 'block'}>${renderSegments(linkify(block.text))}</p>`;
}

/** The text, whole, shortened or in blocks, with its "Weiterlesen" / "Weniger anzeigen" button. */
export function renderBody(node: ThreadNode, t: ReadingWords): TemplateResult {
  const {comment} = node;
  const short = excerpt(comment.body);
  const id = `text-${anchorId(comment.id)}`;
  if (short === null) return html`<div class="body" part="body">${renderParagraphs(comment.body)}</div>`;
  const expanded = node.view.bodyExpanded === true;
  let blocks = blockCache.get(comment);
  if (expanded && !blocks) blockCache.set(comment, (blocks = textBlocks(comment.body)));
  return html`<div class=${expanded ? 'body long' : 'body'} part="body" id=${id}>
      ${expanded
        ? progressiveList(blocks!, (block: TextBlock) => block, renderBlock)
        : renderParagraphs(short)}
    </div>
    <button
      type="button"
      class="link-button more-text"
      part="more-text"
      data-action="expand-text"
      data-id=${comment.id}
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls=${id}
    >
      ${expanded ? t.showLess : t.readMore}
    </button>`;
}

/**
 * A quoted passage, from the article or from another comment, in „…“ with
 * the marks inside it made single (‚…‘). The figure is named like its caption
 * ("Zitat aus dem Artikel"), or "Zitat" without one.
 */
export function renderQuote(quote: Quote, quoted: Comment | null, t: ReadingWords): TemplateResult {
  let caption: TemplateResult | string = '';
  let label: string = t.quoteLabel;
  if (quote.source === 'article') {
    caption = label = t.quoteFromArticle;
  } else if (quote.source) {
    label = quoted ? `${t.quoteFromCommentPrefix}${displayName(quoted, t)}` : t.quoteFromUnknownComment;
    caption = quoted
      ? html`<a href=${permalink(quote.source)} data-action="permalink" data-id=${quote.source}
          >${t.quoteFromCommentPrefix}<bdi>${displayName(quoted, t)}</bdi></a
        >`
      : t.quoteFromUnknownComment;
  }
  // A quote is a passage: a very long one is shown shortened (the quoted comment has the rest).
  const paragraphs = toParagraphs(excerpt(quote.text) ?? quote.text);
  return html`<figure class="quote" part="quote" aria-label=${label}>
    <blockquote>
      ${paragraphs.map(
        (segments, index) =>
          html`<p>${index === 0 ? t.quoteOpen : ''}${nestQuotes(segments.map((segment) => segment.text).join(''), t.innerQuoteOpen, t.innerQuoteClose)}${index === paragraphs.length - 1
            ? t.quoteClose
            : ''}</p>`
      )}
    </blockquote>
    ${caption ? html`<figcaption>${caption}</figcaption>` : nothing}
  </figure>`;
}
