import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * The text of the element's polite live region. Cleared before each new
 * sentence, so the same sentence twice is announced twice.
 */
export class Announcer implements ReactiveController {
  text = '';
  #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  announce(text: string): void {
    this.text = '';
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      this.text = text;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.text = '';
  }
}
