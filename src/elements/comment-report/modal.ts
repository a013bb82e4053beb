/**
 * The native modal `<dialog>`: `showModal()` puts it in the top layer and
 * makes the page behind inert; Escape arrives as `cancel`, which is refused
 * while a report is being sent and otherwise takes the same way out as
 * "Abbrechen". Every close is handled once per opening: `close()` at once,
 * and a close the element did not start (a browser that closes the dialog
 * although the cancel was refused) through the native `close` event, which
 * Chromium delivers only with the next animation frame (never in a hidden tab).
 */
export interface ModalDeps {
  dialog(): HTMLDialogElement | undefined;
  /** While true, Escape does not close. */
  busy(): boolean;
  /** After each close: return focus, tell the page. */
  closed(): void;
}

export class Modal {
  #handled = true;
  #deps: ModalDeps;

  constructor(deps: ModalDeps) {
    this.#deps = deps;
  }

  get open(): boolean {
    return this.#deps.dialog()?.open ?? false;
  }

  /** Opens the dialog; false when it was open already. */
  show(): boolean {
    const dialog = this.#deps.dialog();
    if (!dialog || dialog.open) return false;
    dialog.showModal();
    this.#handled = false;
    return true;
  }

  close(): void {
    const dialog = this.#deps.dialog();
    if (!dialog?.open) return;
    dialog.close();
    this.#closed();
  }

  /** "Abbrechen" and Escape: closes, unless a report is being sent. */
  cancel = (): void => {
    if (!this.#deps.busy()) this.close();
  };

  onCancel = (event: Event): void => {
    event.preventDefault();
    this.cancel();
  };

  onClose = (): void => {
    if (!this.open) this.#closed();
  };

  #closed(): void {
    if (this.#handled) return;
    this.#handled = true;
    this.#deps.closed();
  }
}
