/**
 * What a failed post means for the form: the German message (the text is
 * always kept, and the message says so once), messages at the fields a
 * server rejected, whether the next try must be a new request, and whether
 * the browser was offline (the form then offers to send by itself).
 */
import {ValidationError, type AdapterError} from '../../adapters/errors.js';
import {errorMessage, isOffline} from '../../i18n/errors.js';
import {composerText} from '../../i18n/composer.js';
import {de} from '../../i18n/de.js';
import type {ComposerWords, ReadingWords} from '../../i18n/locale.js';
import type {FieldErrors} from '../../model/validate.js';

export interface Failure {
  message: string;
  /** Messages for the name and text fields, when the server rejected those. */
  fieldErrors?: FieldErrors;
  /**
   * A definite "no" (rejected, closed, parent gone) will not change on a retry
   * of the same idempotency key; a changed draft must be a new request.
   */
  newKey: boolean;
  /** The browser was offline: the post can be sent again once it is back online. */
  offline: boolean;
}

export function describeFailure(
  error: AdapterError,
  now: number,
  words: {reading: ReadingWords; composer: ComposerWords} = {reading: de, composer: composerText},
  /** `change`: an edit of the reader's own comment (its failures speak of that comment, not of one answered). */
  context: 'post' | 'change' = 'post'
): Failure {
  let detail: string | undefined;
  let fieldErrors: FieldErrors | undefined;
  if (ValidationError.is(error)) {
    const {name, body, email, ...others} = error.fieldErrors;
    fieldErrors = {name, body, email};
    // Messages for anything but the two fields (the form, the quote, the parent) go above the buttons.
    detail = Object.values(others).find(Boolean);
  }
  const offline = detail === undefined && isOffline(error);
  return {
    // The offline message says itself that the text stays.
    message: offline
      ? errorMessage(error, now, context, words.reading)
      : `${detail ?? errorMessage(error, now, context, words.reading)} ${words.composer.keptText}`,
    fieldErrors,
    newKey: error.kind === 'invalid' || error.kind === 'closed' || error.kind === 'not-found',
    offline,
  };
}
