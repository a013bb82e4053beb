/**
 * What a failed post means for the form: the German message (the text is
 * always kept), messages at the fields a server rejected, and whether the
 * next try must be a new request.
 */
import {ValidationError, type AdapterError} from '../../adapters/errors.js';
import {composerText} from '../../i18n/composer.js';
import {errorMessage} from '../../i18n/errors.js';
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
}

export function describeFailure(error: AdapterError, now: number): Failure {
  let detail: string | undefined;
  let fieldErrors: FieldErrors | undefined;
  if (ValidationError.is(error)) {
    const {name, body, ...others} = error.fieldErrors;
    fieldErrors = {name, body};
    // Messages for anything but the two fields (the form, the quote, the parent) go above the buttons.
    detail = Object.values(others).find(Boolean);
  }
  return {
    message: `${detail ?? errorMessage(error, now)} ${composerText.keptText}`,
    fieldErrors,
    newKey: error.kind === 'invalid' || error.kind === 'closed' || error.kind === 'not-found',
  };
}
