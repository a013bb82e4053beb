import type {GenderStyle} from '../../../i18n/de.js';
import type {Locale} from '../../../i18n/locale.js';
import type {Clock} from '../../../time/clock.js';
import type {LayoutSettings} from '../../../model/layout.js';

/**
 * Everything a comment's template reads besides its node. One object, made
 * anew only when one of its values changes: a thread is rendered again
 * exactly when its node or this object changed (see `guard` in thread.ts).
 */
export interface ThreadSettings extends LayoutSettings {
  clock: Clock;
  closed: boolean;
  /** Ids from the top to the permalink target: those lists grow first. */
  targetPath: ReadonlySet<string>;
  /** How "Melden" works: the report dialog, a link to the publisher's form (`reportUrl`), or not at all. */
  report: 'dialog' | 'link' | 'none';
  reportUrl: string;
  /** The page's address without its fragment, for absolute permalinks. */
  page: string;
  /** Linked from a rejected comment's note. */
  netiquetteUrl: string;
  /** The backend takes reactions; their button's word ("Empfehlen", "Respekt" …). */
  reactions: boolean;
  reactionLabel: string;
  /** Question mode: top-level comments are questions, answers come first. */
  qa: boolean;
  /** Initials beside names. */
  avatars: boolean;
  /** How role words are gendered ("Autor:in", "Autorin/Autor", "Autor"). */
  genderStyle: GenderStyle;
  /** The language: its words and how it writes times. */
  locale: Locale;
  /** What readers may do with their own comments here, and where a template says when that changes. */
  own: OwnSettings;
}

export interface OwnSettings {
  edit: boolean;
  delete: boolean;
  /** Readers who are not signed in may change what this browser posted (else only signed-in authors). */
  anonymous: boolean;
  restore: boolean;
  notify: boolean;
  /** The signed-in reader's address ('' without one): "Bei Antworten per E-Mail benachrichtigen" is offered only with one. */
  notifyTo: string;
  /** A comment's template shows something until `time` (epoch ms): it is built again then. */
  until(id: string, time: number): void;
  /** Keys in the delete question: Escape closes it (as "Abbrechen"). */
  onQuestionKey(event: KeyboardEvent): void;
}

/** Hands out the same settings object until one of the values changes. */
export class SettingsMemo {
  #last: ThreadSettings | undefined;

  get(next: ThreadSettings): ThreadSettings {
    const old = this.#last;
    const same =
      old !== undefined &&
      old.clock === next.clock &&
      old.closed === next.closed &&
      old.maxDepth === next.maxDepth &&
      old.collapsed === next.collapsed &&
      old.report === next.report &&
      old.reportUrl === next.reportUrl &&
      old.page === next.page &&
      old.netiquetteUrl === next.netiquetteUrl &&
      old.reactions === next.reactions &&
      old.reactionLabel === next.reactionLabel &&
      old.qa === next.qa &&
      old.avatars === next.avatars &&
      old.genderStyle === next.genderStyle &&
      old.locale === next.locale &&
      old.own === next.own &&
      old.targetPath.size === next.targetPath.size &&
      [...next.targetPath].every((id) => old.targetPath.has(id));
    return same ? old : (this.#last = next);
  }
}
