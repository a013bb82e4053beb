import {css} from 'lit';
import {shared, tokens} from '../../styles/shared.styles.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
    }

    form {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }

    .label {
      font-weight: 600;
    }

    textarea,
    input {
      width: 100%;
      padding: 0.6em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_field);
      color: var(--_field-text);
    }

    textarea {
      /* Each paragraph runs in the direction of its script (Arabic, Hebrew: right to left). */
      unicode-bidi: plaintext;
      min-height: 5em;
      resize: vertical;
      field-sizing: content;
      max-height: 60vh;
    }

    textarea:focus-visible,
    input:focus-visible {
      outline-offset: 0;
    }

    [aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25em 1em;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .counter.over {
      color: var(--_danger);
      font-weight: 600;
    }

    p {
      margin: 0;
    }

    /* Empty, they take no room but stay live regions, so their next text is announced. */
    .failure:empty,
    .notice:empty {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .notice,
    .closed {
      color: var(--_muted);
    }

    .quote {
      display: grid;
      gap: 0.25em;
      padding-inline-start: 0.75em;
      border-inline-start: 3px solid var(--_quote-border);
      color: var(--_muted);
    }

    .quote blockquote {
      margin: 0;
      font-style: italic;
      overflow-wrap: anywhere;
      white-space: pre-line;
      unicode-bidi: plaintext;
    }

    .quote .link-button {
      justify-self: start;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
  `,
];
