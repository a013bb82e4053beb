import {css} from 'lit';

/**
 * The "2 neue Kommentare anzeigen" pill. It floats in a zero-height sticky
 * bar above the list, so its arrival moves nothing under the reader, and it
 * stays in view while they scroll through the thread.
 */
export const liveStyles = css`
  .new-bar {
    position: sticky;
    top: 0;
    z-index: 1;
    height: 0;
  }

  .show-new {
    position: absolute;
    inset-inline: 0;
    top: calc(var(--_space) * 0.5);
    width: max-content;
    max-width: 100%;
    margin-inline: auto;
    box-shadow: 0 2px 8px color-mix(in srgb, currentColor 25%, transparent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
`;
