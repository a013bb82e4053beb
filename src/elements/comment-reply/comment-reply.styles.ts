import {css} from 'lit';
import {fields} from '../../styles/fields.styles.js';
import {shared, tokens} from '../../styles/shared.styles.js';

export const styles = [
  tokens,
  shared,
  fields,
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

    textarea {
      min-height: 5em;
      field-sizing: content;
      max-height: 60vh;
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

    .auto-send {
      display: grid;
      gap: 0.25em;
    }


    .auto-send-state {
      color: var(--_muted);
      font-size: 0.875em;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }

    .signed-in,
    .login p {
      margin: 0;
    }

    .signed-in bdi {
      font-weight: 600;
    }

    .notify,
    .login {
      display: grid;
      gap: 0.35em;
      justify-items: start;
    }

    .notify .hint {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .login .button {
      text-decoration: none;
    }
  `,
];
