/**
 * Whether a reader's draft may be sent, as a plain function.
 */
import {de} from '../i18n/de.js';
import {characterCount} from './text.js';

export const DEFAULT_MAX_LENGTH = 2000;
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
  if (rules.requireName && name === '') errors.name = de.nameEmpty;
  else if (characterCount(name) > MAX_NAME_LENGTH) errors.name = de.nameTooLong(MAX_NAME_LENGTH);
  const length = characterCount(draft.body.trim());
  if (length === 0) errors.body = rules.reply ? de.replyEmpty : rules.question ? de.questionEmpty : de.bodyEmpty;
  else if (length > rules.maxLength) errors.body = (rules.reply ? de.replyTooLong : de.bodyTooLong)(length, rules.maxLength);
  return errors;
}

export function isValid(errors: FieldErrors): boolean {
  return Object.keys(errors).length === 0;
}
