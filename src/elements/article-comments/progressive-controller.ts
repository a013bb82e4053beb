import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Comments rendered at once: about a screen full. */
const FIRST = 8;
/** Comments added per following task: a few milliseconds of work. */
const CHUNK = 150;

/**
 * Renders a long list in steps: the first screen at once, the rest in
 * chunks in later tasks, so a 10,000-comment page shows its first screen as
 * fast as a 100-comment one and stays responsive while the rest arrives.
 * Everything ends up in the DOM (find-in-page and permalinks keep working);
 * CSS `content-visibility` keeps off-screen threads out of layout.
 *
 * Items are top-level threads; their weight is how many comments they hold.
 */
export class ProgressiveController implements ReactiveController {
  /** How many items are rendered; 0 until the first `take`. */
  #limit = 0;
  #weights: readonly number[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #host: ReactiveControllerHost;
  /** Called after an update that rendered the last chunk. */
  #onComplete: () => void;

  constructor(host: ReactiveControllerHost, onComplete: () => void) {
    this.#host = host;
    this.#onComplete = onComplete;
    host.addController(this);
  }

  /** Whether every item is rendered. */
  get complete(): boolean {
    return this.#limit >= this.#weights.length;
  }

  /** Moves the limit on by at least one item and about `budget` comments. */
  #grow(budget: number): void {
    let weight = 0;
    do weight += this.#weights[this.#limit++] ?? 1;
    while (weight < budget && this.#limit < this.#weights.length);
  }

  /**
   * During render: how many of the items (with these weights) to render now.
   * Schedules the rest for later tasks.
   */
  take(weights: readonly number[]): number {
    this.#weights = weights;
    if (this.#limit === 0 && weights.length) this.#grow(FIRST);
    if (!this.complete && this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#grow(CHUNK);
        this.#host.requestUpdate();
      });
    }
    return Math.min(this.#limit, weights.length);
  }

  /** Makes sure item `index` is rendered in the next update. */
  include(index: number): void {
    if (index < this.#limit) return;
    this.#limit = index + 1;
    this.#host.requestUpdate();
  }

  /** Starts again from the first screen (a new discussion or sort). */
  reset(): void {
    this.#limit = 0;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    if (!this.complete) this.#host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.complete) this.#onComplete();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
