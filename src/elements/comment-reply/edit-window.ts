/**
 * Editing a comment (`<comment-reply edit-id>`): whether its edit window
 * has closed, by one timer for that moment on the discussion's clock (or
 * the page's), stopped while the form is out of the page and armed again
 * when it is back.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Clock} from '../../time/clock.js';

export interface EditWindowHost extends ReactiveControllerHost {
  readonly editId: string;
  readonly editableUntil: number | null;
}

export class EditWindow implements ReactiveController {
  /** The time to edit has passed (told by the timer, or by the backend's refusal). */
  expired = false;
  #host: EditWindowHost;
  #clock: () => Clock | undefined;
  /** What the timer is armed for, and how to stop it. */
  #armed: {until: number; stop: () => void} | undefined;

  constructor(host: EditWindowHost, clock: () => Clock | undefined) {
    this.#host = host;
    this.#clock = clock;
    host.addController(this);
  }

  /** The backend said the window has closed. */
  expire(): void {
    this.#stop();
    if (this.expired) return;
    this.expired = true;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const until = this.#host.editableUntil;
    if (!this.#host.editId || until === null || this.expired) return this.#stop();
    if (this.#armed?.until === until) return;
    this.#stop();
    const clock = this.#clock();
    if ((clock?.now() ?? Date.now()) >= until) return this.expire();
    const expire = () => {
      this.#armed = undefined;
      this.expire();
    };
    if (clock) {
      this.#armed = {until, stop: clock.at(until, expire)};
    } else {
      const timer = setTimeout(expire, until - Date.now());
      this.#armed = {until, stop: () => clearTimeout(timer)};
    }
  }

  hostConnected(): void {
    // Back in the page (moved while editing): its timer was stopped; armed again after the next update.
    if (this.#host.editId) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    this.#armed?.stop();
    this.#armed = undefined;
  }
}
