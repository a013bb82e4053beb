/**
 * Problems found in comment data. They are expected, not exceptional: the
 * widget renders what it can, lists these on `dataErrors` and fires
 * `comments-data-error`, and never throws them.
 */

export type DataErrorCode =
  /** The inline `<script type="application/json">` is not valid JSON, or not an array. */
  | 'invalid-json'
  /** An entry of the discussion is not an object. */
  | 'not-an-object'
  /** A required field is missing (id, author, body, createdAt). */
  | 'missing-field'
  /** A field has the wrong type or an unknown value. */
  | 'invalid-field'
  /** A date field is not ISO 8601. */
  | 'invalid-date'
  /** Two comments share an id; the first one is kept. */
  | 'duplicate-id'
  /** Replies that answer each other in a circle; the circle is broken at its first comment. */
  | 'reply-cycle';

export class CommentDataError extends Error {
  override readonly name = 'CommentDataError';

  constructor(
    readonly code: DataErrorCode,
    message: string,
    readonly details: {
      /** The id of the comment concerned, where it has one. */
      commentId?: string;
      /** The field concerned, e.g. `"createdAt"` or `"author.name"`. */
      field?: string;
      /** The position of the entry in the input array. */
      index?: number;
    } = {}
  ) {
    super(message);
  }
}
