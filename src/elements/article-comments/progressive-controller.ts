import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Top-level threads rendered at once: enough to fill the first screen. */
const FIRST = 10;
/** Top-level threads added per following task. */
const CHUNK = 40;

/**
 * Renders a long list in steps: the first screen at once, the rest in
 * chunks in later tasks, so a 10,000-comment page shows its first screen as
 * fast as a 100-comment one and stays responsive while the rest arrives.
 * Everything ends up in the DOM (find-in-page and permalinks keep working);
 * CSS `content-visibility` keeps off-screen threads out of layout.
 */
export class ProgressiveController implements ReactiveController {
  #limit = FIRST;
  #total = 0;
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
    return this.#limit >= this.#total;
  }

  /** During render: how many of `total` items to render now. Schedules the rest. */
  take(total: number): number {
    this.#total = total;
    if (!this.complete && this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#limit += CHUNK;
        this.#host.requestUpdate();
      });
    }
    return Math.min(this.#limit, total);
  }

  /** Makes sure item `index` is rendered in the next update. */
  include(index: number): void {
    if (index < this.#limit) return;
    this.#limit = index + 1;
    this.#host.requestUpdate();
  }

  /** Starts again from the first screen (a new discussion or sort). */
  reset(): void {
    this.#limit = FIRST;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostUpdated(): void {
    if (this.complete) this.#onComplete();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
