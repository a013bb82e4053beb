import {CommentDataError} from '../../model/errors.js';

export interface InlineDiscussion {
  records: unknown[];
  errors: CommentDataError[];
}

/**
 * Reads the discussion a publisher embedded in the element as
 * `<script type="application/json">` (an array of comments, or
 * `{"comments": [...]}`). Returns undefined while the HTML parser may still
 * be adding the element's children.
 */
export function readInlineDiscussion(host: Element): InlineDiscussion | undefined {
  const script = host.querySelector(':scope > script[type="application/json"]:not([data-first-page])');
  if (!script && document.readyState === 'loading') return undefined;
  if (!script) return {records: [], errors: []};
  try {
    const data: unknown = JSON.parse(script.textContent ?? '');
    const list = Array.isArray(data) ? data : (data as {comments?: unknown} | null)?.comments;
    if (Array.isArray(list)) return {records: list, errors: []};
    return {records: [], errors: [new CommentDataError('invalid-json', 'The inline JSON is neither an array nor {"comments": [...]}.')]};
  } catch (error) {
    return {records: [], errors: [new CommentDataError('invalid-json', `The inline JSON does not parse: ${(error as Error).message}`)]};
  }
}
