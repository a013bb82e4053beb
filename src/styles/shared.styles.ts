import {css} from 'lit';

/**
 * Design tokens. Every public custom property is `--ac-*` with a default
 * here; the elements read the private `--_*` copies. Text colour and font
 * are inherited from the page, so the widget fits a publisher's typography
 * (and a dark page) without configuration; the remaining colours are mixed
 * from the text colour where that keeps them legible on any background.
 */
export const tokens = css`
  :host {
    --_font: var(--ac-font-family, inherit);
    --_font-size: var(--ac-font-size, 1rem);
    --_line-height: var(--ac-line-height, 1.55);
    --_text: var(--ac-color-text, currentColor);
    --_muted: var(--ac-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    --_border: var(--ac-color-border, color-mix(in srgb, currentColor 22%, transparent));
    --_surface: var(--ac-color-surface, transparent);
    --_field: var(--ac-color-field, var(--_theme-field, Field));
    --_field-text: var(--ac-color-field-text, var(--_theme-field-text, FieldText));
    --_accent: var(--ac-color-accent, var(--_theme-accent, #0b57d0));
    --_on-accent: var(--ac-color-on-accent, var(--_theme-on-accent, #ffffff));
    --_highlight: var(--ac-color-highlight, color-mix(in srgb, var(--_accent) 14%, transparent));
    --_danger: var(--ac-color-danger, var(--_theme-danger, #b3261e));
    --_badge: var(--ac-color-badge, var(--_theme-badge, #8a1c1c));
    --_on-badge: var(--ac-color-on-badge, var(--_theme-on-badge, #ffffff));
    --_quote-border: var(--ac-color-quote, var(--_accent));
    --_radius: var(--ac-radius, 0.5rem);
    --_space: var(--ac-space, 1rem);
    --_indent: var(--ac-indent, 1.5rem);
    --_focus: var(--ac-color-focus, var(--_accent));

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  /*
   * The theme's defaults travel in inherited --_theme-* properties, so a
   * <comment-reply> inside a dark <article-comments> (which has no theme
   * attribute of its own) is dark too. A public --ac-* property still wins.
   * color-scheme makes Field/FieldText (text fields, the sort menu) follow.
   */
  :host([theme='light']) {
    --_theme-accent: initial;
    --_theme-on-accent: initial;
    --_theme-danger: initial;
    --_theme-badge: initial;
    --_theme-on-badge: initial;
    --_theme-field: initial;
    --_theme-field-text: initial;
  }

  :host([theme='dark']) {
    --_theme-accent: #a8c7fa;
    --_theme-on-accent: #062e6f;
    --_theme-danger: #f2b8b5;
    --_theme-badge: #ffb4ab;
    --_theme-on-badge: #410002;
    --_theme-field: #1e1f20;
    --_theme-field-text: #e3e3e3;
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_theme-accent: #a8c7fa;
      --_theme-on-accent: #062e6f;
      --_theme-danger: #f2b8b5;
      --_theme-badge: #ffb4ab;
      --_theme-on-badge: #410002;
      --_theme-field: #1e1f20;
      --_theme-field-text: #e3e3e3;
      color-scheme: dark;
    }
  }
`;

/** Pieces both elements use: hidden-but-announced text, buttons, focus rings. */
export const shared = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  a {
    color: var(--_accent);
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.45em 1.1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }

  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: 2.25rem;
    padding: 0.25em 0.5em;
    margin-inline-start: -0.5em;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
    font-size: 0.9em;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  .link-button:hover {
    text-decoration: underline;
  }

  .error {
    color: var(--_danger);
    font-weight: 600;
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
`;
