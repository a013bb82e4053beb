/**
 * Whether a reader's draft may be sent, as a plain function.
 */
import {composerText} from '../i18n/composer.js';
import type {ComposerWords} from '../i18n/locale.js';
import {DEFAULT_MAX_LENGTH} from './comment.js';
import {characterCount} from './text.js';
import {isEmail} from './viewer.js';

export {DEFAULT_MAX_LENGTH};
export const MAX_NAME_LENGTH = 60;

/** The fields a reader fills in; the keys of per-field messages. */
export type DraftField = 'name' | 'body' | 'email';

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
  /** The reader asked for reply notifications: `email` must be an address (unless `emailKnown`: the account's is used). */
  notify?: boolean;
  /** The signed-in reader's address is known to the backend: an empty `email` means that one. */
  emailKnown?: boolean;
}

/**
 * The messages for a draft's problems, in `text`'s language (the reader's), else German. (German
 * is read property by property, not passed around as an object, so a bundle that needs only a few
 * of its messages, like the Waline adapter's file, holds only those.)
 */
export function validateDraft(
  draft: {name: string; body: string; email?: string},
  rules: DraftRules = {maxLength: DEFAULT_MAX_LENGTH, requireName: true},
  text?: ComposerWords
): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (rules.requireName && name === '') errors.name = text ? text.nameEmpty : composerText.nameEmpty;
  else if (characterCount(name) > MAX_NAME_LENGTH) errors.name = (text ? text.nameTooLong : composerText.nameTooLong)(MAX_NAME_LENGTH);
  const length = characterCount(draft.body.trim());
  if (length === 0) {
    if (rules.reply) errors.body = text ? text.replyEmpty : composerText.replyEmpty;
    else if (rules.question) errors.body = text ? text.questionEmpty : composerText.questionEmpty;
    else errors.body = text ? text.bodyEmpty : composerText.bodyEmpty;
  } else if (length > rules.maxLength) {
    const tooLong = rules.reply ? (text ? text.replyTooLong : composerText.replyTooLong) : text ? text.bodyTooLong : composerText.bodyTooLong;
    errors.body = tooLong(length, rules.maxLength);
  }
  if (rules.notify) {
    const email = emailError(draft.email ?? '', rules.emailKnown === true, text);
    if (email) errors.email = email;
  }
  return errors;
}

/** What is wrong with the address for reply notifications (empty is fine when the account's is `known`), or undefined. */
export function emailError(value: string, known: boolean, text?: ComposerWords): string | undefined {
  const email = value.trim();
  if ((email === '' && known) || isEmail(email)) return undefined;
  return email === '' ? (text ? text.emailEmpty : composerText.emailEmpty) : text ? text.emailInvalid : composerText.emailInvalid;
}

export function isValid(errors: FieldErrors): boolean {
  return Object.keys(errors).length === 0;
}
