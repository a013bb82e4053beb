/**
 * `progressiveList(items, key, template, options)`: like Lit's `repeat`, but
 * a page-wide budget caps how many items all lists together create in one
 * task. A list that could not show everything shows a first part and grows
 * in later tasks, in document order, so no shape of discussion (one thread
 * with 50,000 replies, a chain 10,000 deep, a 5 MB text in blocks) becomes
 * one long task, and the first screen comes first.
 *
 * A list only grows (items the reader has seen never disappear for a while),
 * grows by itself without re-rendering its host, and stops while it is not
 * connected (a folded thread, a removed element).
 */
import {html, isServer, type TemplateResult} from 'lit';
import {AsyncDirective, directive, type ChildPart, type PartInfo, PartType} from 'lit/async-directive.js';
import {repeat} from 'lit/directives/repeat.js';
import {isHydrating} from './hydration.js';
import {queueTask} from './next-task.js';

/** Items created per task across all lists: well under 50 ms of work, measured by `npm run bench`. */
export const ITEMS_PER_TASK = 30;

export interface ProgressiveOptions<T> {
  /** How many rows an item will hold once shown (itself and what it nests), to fill the budget in reading order. */
  weight?: (item: T) => number;
  /** Grow up to this index first, ahead of other lists (a permalink's target). */
  until?: number;
}

/** The budget of the current task, refilled when a new task starts. */
let remaining = 0;
let refillQueued = false;

/** What is left of this task's budget. */
function available(): number {
  if (!refillQueued) {
    remaining = ITEMS_PER_TASK;
    refillQueued = true;
    queueTask(() => (refillQueued = false));
  }
  return remaining;
}


const waiting = new Set<ProgressiveListDirective>();
let growthQueued = false;
const idleCallbacks = new Map<object, (() => void)[]>();

function queueGrowth(): void {
  if (growthQueued) return;
  growthQueued = true;
  queueTask(grow);
}

function inDocumentOrder(a: ProgressiveListDirective, b: ProgressiveListDirective): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  const position = a.anchor?.compareDocumentPosition(b.anchor!) ?? 0;
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}

/** One step: the lists waiting grow, the earliest in the document first, within one task's budget. */
function grow(): void {
  growthQueued = false;
  for (const list of [...waiting].sort(inDocumentOrder)) {
    if (!waiting.has(list)) continue;
    list.grow();
    if (remaining <= 0) break;
  }
  if (waiting.size) queueGrowth();
  notifyIdle();
}

/** Resolves idle waits of hosts with no list waiting any more. */
function notifyIdle(): void {
  for (const [host, callbacks] of idleCallbacks) {
    if ([...waiting].some((list) => list.host === host)) continue;
    idleCallbacks.delete(host);
    for (const callback of callbacks) callback();
  }
}

/**
 * Resolves once no progressive list rendered by `host` is waiting to grow:
 * everything its lists hold is in the DOM.
 */
export function progressiveIdle(host: object): Promise<void> {
  return new Promise((resolve) => {
    idleCallbacks.set(host, [...(idleCallbacks.get(host) ?? []), resolve]);
    // Checked in a task of its own: the host's pending update may still register lists.
    queueTask(notifyIdle);
  });
}

/** Whether lists of `host` are still growing. */
export function isGrowing(host: object): boolean {
  return [...waiting].some((list) => list.host === host);
}

const listTemplate = <T>(items: readonly T[], key: (item: T) => unknown, template: (item: T, index: number) => unknown) =>
  html`${repeat(items, key, template)}`;

class ProgressiveListDirective extends AsyncDirective {
  #items: readonly unknown[] = [];
  #key: (item: unknown) => unknown = (item) => item;
  #template: (item: unknown, index: number) => unknown = (item) => item;
  #weight: (item: unknown) => number = () => 1;
  #until = -1;
  /** Items shown; -1 before the first render. */
  #limit = -1;
  host: object | undefined;
  anchor: Node | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('progressiveList() can only be used in child expressions');
  }

  get priority(): boolean {
    return this.#until >= this.#limit;
  }

  override update(part: ChildPart, [items, key, template, options]: Parameters<this['render']>): unknown {
    this.host ??= part.options?.host;
    this.anchor = part.startNode ?? part.parentNode;
    return this.render(items, key, template, options);
  }

  render(
    items: readonly unknown[],
    key: (item: unknown) => unknown,
    template: (item: unknown, index: number) => unknown,
    options: ProgressiveOptions<unknown> = {}
  ): TemplateResult {
    // On the server, and taking over what it rendered, every item at once: the server's HTML holds them all.
    if (isServer) return listTemplate(items, key, template);
    if (isHydrating()) this.#limit = items.length;
    this.#items = items;
    this.#key = key;
    this.#template = template;
    this.#weight = options.weight ?? (() => 1);
    this.#until = Math.min(options.until ?? -1, items.length - 1);
    // Items the reader has seen stay; what is new is shown as far as this task's budget goes.
    const shown = Math.min(Math.max(this.#limit, 0), items.length);
    this.#limit = shown + this.#fit(shown);
    this.#schedule();
    return this.#view();
  }

  /** How many items from `start` fit into this task's budget (at least one if any budget is left). */
  #fit(start: number): number {
    let count = 0;
    let weight = 0;
    const budget = available();
    for (let i = start; i < this.#items.length; i++) {
      const next = weight + Math.max(1, this.#weight(this.#items[i]));
      if (next > budget && count > 0) break;
      weight = next;
      count++;
      if (weight >= budget) break;
    }
    // Each item pays for itself; lists it nests pay for their own items as they render.
    remaining -= count;
    return count;
  }

  #view(): TemplateResult {
    return listTemplate(this.#items.slice(0, this.#limit), this.#key, this.#template);
  }

  #schedule(): void {
    if (this.#limit < this.#items.length && this.isConnected) {
      waiting.add(this);
      queueGrowth();
    } else {
      waiting.delete(this);
    }
  }

  /** Shows more items within this task's budget. */
  grow(): void {
    const more = this.#fit(this.#limit);
    if (more > 0) {
      this.#limit += more;
      this.setValue(this.#view());
    }
    this.#schedule();
  }

  protected override disconnected(): void {
    waiting.delete(this);
    notifyIdle();
  }

  protected override reconnected(): void {
    this.#schedule();
  }
}

const progressive = directive(ProgressiveListDirective);

/** See the module's description. */
export function progressiveList<T>(
  items: readonly T[],
  key: (item: T) => unknown,
  template: (item: T, index: number) => unknown,
  options?: ProgressiveOptions<T>
) {
  return progressive(
    items,
    key as (item: unknown) => unknown,
    template as (item: unknown, index: number) => unknown,
    options as ProgressiveOptions<unknown> | undefined
  );
}
