import {css} from 'lit';

/**
 * Text fields of the forms (the composer, the report dialog): one look,
 * paragraphs in the direction of their script, a clear invalid state.
 */
export const fields = css`
  textarea,
  input:not([type='radio'], [type='checkbox']) {
    width: 100%;
    min-width: 0;
    padding: 0.6em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field);
    color: var(--_field-text);
  }

  textarea {
    resize: vertical;
    /* Each paragraph runs in the direction of its script (Arabic, Hebrew: right to left). */
    unicode-bidi: plaintext;
  }

  textarea:focus-visible,
  input:focus-visible {
    outline-offset: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
`;
