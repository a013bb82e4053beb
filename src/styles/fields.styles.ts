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

  /* A checkbox or radio button with its text beside it, the whole row clickable. */
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    min-height: 2.25rem;
    padding-block: 0.25em;
    cursor: pointer;
  }

  .choice input {
    flex: none;
    width: 1.15em;
    height: 1.15em;
    margin: 0.2em 0 0;
    accent-color: var(--_accent);
  }
`;
