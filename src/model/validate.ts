/**
 * Whether a reader's draft may be sent, as a plain function.
 */
import {composerText} from '../i18n/composer.js';
import {DEFAULT_MAX_LENGTH} from './comment.js';
import {characterCount} from './text.js';

export {DEFAULT_MAX_LENGTH};
export const MAX_NAME_LENGTH = 60;

/** The fields a reader fills in; the keys of per-field messages. */
export type DraftField = 'name' | 'body';

/** German messages per field; an empty object means the draft is valid. */
export type FieldErrors = Partial<Record<DraftField, string>>;

export interface DraftRules {
  maxLength: number;
  /** Whether a name is required (false when the backend knows the reader). */
  requireName: boolean;
  /** A reply rather than a new comment (the messages say "Antwort"). */
  reply?: boolean;
  /** A question in question mode (the message says "Frage"). */
  question?: boolean;
}

export function validateDraft(
  draft: {name: string; body: string},
  rules: DraftRules = {maxLength: DEFAULT_MAX_LENGTH, requireName: true}
): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (rules.requireName && name === '') errors.name = composerText.nameEmpty;
  else if (characterCount(name) > MAX_NAME_LENGTH) errors.name = composerText.nameTooLong(MAX_NAME_LENGTH);
  const length = characterCount(draft.body.trim());
  if (length === 0) errors.body = rules.reply ? composerText.replyEmpty : rules.question ? composerText.questionEmpty : composerText.bodyEmpty;
  else if (length > rules.maxLength) errors.body = (rules.reply ? composerText.replyTooLong : composerText.bodyTooLong)(length, rules.maxLength);
  return errors;
}

export function isValid(errors: FieldErrors): boolean {
  return Object.keys(errors).length === 0;
}
