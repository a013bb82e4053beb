import {css} from 'lit';

/**
 * The "2 neue Kommentare anzeigen" pill. It floats in a zero-height sticky
 * bar above the list, so its arrival moves nothing under the reader, and it
 * stays in view while they scroll through the thread.
 */
export const liveStyles = css`
  /* The list and what belongs to it; block layout, so the zero-height bar adds no gap. */
  .list-area > * + * {
    margin-block-start: calc(var(--_space) * 1.25);
  }

  .list-area > .new-bar + * {
    margin-block-start: 0;
  }

  /* Zero height: the pill's arrival moves nothing. */
  .new-bar {
    position: sticky;
    top: 0;
    z-index: 1;
    height: 0;
  }

  /* At rest it sits in the gap above the list, clear of the first comment; when the reader scrolls, at the top of the screen. */
  .show-new {
    position: absolute;
    inset-inline: 0;
    top: calc(var(--_space) * -1.25 + 2px);
    min-height: 1.5rem;
    padding-block: 0.1em;
    font-size: 0.8em;
    width: max-content;
    max-width: 100%;
    margin-inline: auto;
    box-shadow: 0 2px 8px color-mix(in srgb, currentColor 25%, transparent);
    background: var(--_brand);
    color: var(--_on-accent);
  }
`;
