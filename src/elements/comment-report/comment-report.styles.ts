import {css} from 'lit';
import {fields} from '../../styles/fields.styles.js';
import {shared, tokens} from '../../styles/shared.styles.js';

/**
 * A modal that fits a 320 px phone: on narrow screens it takes the whole
 * viewport; the fields scroll between the title and the buttons, which stay
 * in view. Its own background and text colours (the widget is otherwise
 * transparent on the page), following the theme through `color-scheme`.
 */
export const styles = [
  tokens,
  shared,
  fields,
  css`
    :host {
      --_dialog: var(--ac-color-dialog, Canvas);
      --_dialog-text: var(--ac-color-dialog-text, CanvasText);
      display: contents;
    }

    dialog {
      width: min(40rem, calc(100vw - 2rem));
      max-width: calc(100vw - 2rem);
      max-height: calc(100vh - 2rem);
      max-height: calc(100dvh - 2rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_dialog);
      color: var(--_dialog-text);
      overflow: hidden;
      overscroll-behavior: contain;
    }

    dialog[open] {
      display: flex;
      flex-direction: column;
    }

    dialog::backdrop {
      background: var(--ac-color-backdrop, rgb(0 0 0 / 0.55));
    }

    @media (max-width: 30rem) {
      dialog {
        width: 100%;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
        margin: 0;
        border: 0;
        border-radius: 0;
      }
    }

    .header {
      padding: var(--_space) var(--_space) calc(var(--_space) * 0.5);
      border-bottom: 1px solid var(--_border);
    }

    .title {
      margin: 0;
      font-size: 1.25em;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }

    form,
    .confirmation {
      display: flex;
      flex: 1 1 auto;
      flex-direction: column;
      min-height: 0;
    }

    .body {
      display: grid;
      flex: 1 1 auto;
      gap: var(--_space);
      min-height: 0;
      padding: var(--_space);
      overflow-y: auto;
    }

    .footer {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      padding: calc(var(--_space) * 0.75) var(--_space);
      border-top: 1px solid var(--_border);
    }

    p {
      margin: 0;
    }

    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
      display: grid;
      gap: calc(var(--_space) * 0.25);
    }

    /* Floated, a legend is an ordinary grid item: no border drawn through it. */
    legend {
      float: left;
      width: 100%;
      padding: 0;
      margin-bottom: calc(var(--_space) * 0.25);
    }

    .notice-fields {
      gap: var(--_space);
      padding-top: var(--_space);
      border-top: 1px solid var(--_border);
    }

    .field {
      display: grid;
      gap: calc(var(--_space) * 0.25);
      min-width: 0;
    }

    .label {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .marker,
    .hint,
    .counter {
      color: var(--_muted);
      font-weight: 400;
    }

    .hint,
    .counter {
      font-size: 0.875em;
    }

    .counter.over {
      color: var(--_danger);
      font-weight: 600;
    }

    input[readonly]:not([name]) {
      color: var(--_muted);
    }

    .choice [aria-invalid='true'] {
      outline: 2px solid var(--_danger);
      outline-offset: 1px;
    }

    /* Empty, they take no room but stay live regions, so their next text is announced. */
    .notice:empty,
    .summary:empty,
    .failure:empty {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .notice {
      color: var(--_muted);
    }

    .thanks {
      font-size: 1.125em;
      font-weight: 600;
    }

    .reference {
      overflow-wrap: anywhere;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
  `,
];
