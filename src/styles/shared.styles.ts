import {css, unsafeCSS} from 'lit';

/*
 * Colours derived from the publisher's accent colour, in linear sRGB, where
 * the channels add up to the relative luminance Y that WCAG's contrast ratio
 * is defined on (Y = 0.2126 r + 0.7152 g + 0.0722 b):
 *
 * - on the accent (the text of "Senden"): white when Y < 0.1791, else black.
 *   At 0.1791 both reach 4.58:1, so one of them always does.
 * - the accent as text on a light page (links, actions): scaled down to
 *   Y ≤ 0.14, 5.5:1 on white and 4.5:1 on a page as dark as Y = 0.8.
 *   Scaling all three linear channels keeps the hue and stays in gamut.
 * - the accent as text on a dark page: mixed with white up to Y ≥ 0.35,
 *   7:1 on #121212 and 4.5:1 on a page as light as Y = 0.04.
 *
 * Browsers without relative colours (before 2024) keep the accent as given.
 */
const Y = '(0.2126 * r + 0.7152 * g + 0.0722 * b)';
const onAccent = `clamp(0, (0.1791 - ${Y}) * 100000, 1)`;
const darker = (channel: string) => `calc(${channel} * min(1, 0.14 / (${Y} + 0.0001)))`;
const lighter = (channel: string) => `calc(${channel} + max(0, (0.35 - ${Y}) / (1.0001 - ${Y})) * (1 - ${channel}))`;
const derived = {
  onAccent: unsafeCSS(`color(from var(--_brand) srgb-linear ${onAccent} ${onAccent} ${onAccent})`),
  lightText: unsafeCSS(`color(from var(--_brand) srgb-linear ${darker('r')} ${darker('g')} ${darker('b')})`),
  darkText: unsafeCSS(`color(from var(--_brand) srgb-linear ${lighter('r')} ${lighter('g')} ${lighter('b')})`),
};

/**
 * Design tokens. Every public custom property is `--ac-*` with a default
 * here; the elements read the private `--_*` copies. Text colour and font
 * are inherited from the page, so the widget fits a publisher's typography
 * (and a dark page) without configuration; the remaining colours are mixed
 * from the text colour or derived from the accent (above) where that keeps
 * them legible on any background.
 *
 * `--_brand` is the publisher's colour as given (the fill of buttons);
 * `--_accent` is the same colour as text, dark enough on a light page and
 * light enough on a dark one; `--_on-accent` is text on `--_brand`. The
 * focus ring is the theme's ink, never the accent: a red brand must not
 * make a focused field look invalid.
 */
export const tokens = css`
  :host {
    --_font: var(--ac-font-family, inherit);
    --_heading-font: var(--ac-heading-font-family, var(--_preset-heading-font, inherit));
    --_font-size: var(--ac-font-size, 1rem);
    --_line-height: var(--ac-line-height, 1.55);
    --_text: var(--ac-color-text, currentColor);
    --_ink: var(--_theme-ink, #1f1f1f);
    --_muted: var(--ac-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    --_border: var(--ac-color-border, color-mix(in srgb, currentColor 22%, transparent));
    --_surface: var(--ac-color-surface, transparent);
    --_field: var(--ac-color-field, var(--_theme-field, Field));
    --_field-text: var(--ac-color-field-text, var(--_theme-field-text, FieldText));
    --_brand: var(--ac-color-accent, var(--_preset-brand, var(--_theme-brand, #0b57d0)));
    --_accent: var(--ac-color-accent-text, var(--_theme-accent, var(--_brand)));
    --_on-accent: var(--ac-color-on-accent, var(--_theme-on-accent, #ffffff));
    --_highlight: var(--ac-color-highlight, color-mix(in srgb, var(--_brand) 12%, transparent));
    --_danger: var(--ac-color-danger, var(--_theme-danger, #b3261e));
    --_badge: var(--ac-color-badge, var(--_preset-badge, var(--_theme-badge, #8a1c1c)));
    --_on-badge: var(--ac-color-on-badge, var(--_preset-on-badge, var(--_theme-on-badge, #ffffff)));
    --_quote-border: var(--ac-color-quote, var(--_brand));
    --_radius: var(--ac-radius, var(--_preset-radius, 0.5rem));
    --_space: var(--ac-space, var(--_density-space, 1rem));
    --_indent: var(--ac-indent, 1.5rem);
    --_focus: var(--ac-color-focus, var(--_ink));

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  @supports (color: color(from red srgb-linear r g b)) {
    :host {
      --_accent: var(--ac-color-accent-text, var(--_theme-accent, ${derived.lightText}));
      --_on-accent: var(--ac-color-on-accent, ${derived.onAccent});
    }

    :host([theme='dark']) {
      --_theme-accent: ${derived.darkText};
    }

    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        --_theme-accent: ${derived.darkText};
      }
    }
  }

  /*
   * The theme's defaults travel in inherited --_theme-* properties, so a
   * <comment-reply> inside a dark <article-comments> (which has no theme
   * attribute of its own) is dark too. A public --ac-* property still wins.
   * color-scheme makes Field/FieldText (text fields, the sort menu) follow.
   */
  :host([theme='light']) {
    --_theme-brand: initial;
    --_theme-ink: initial;
    --_theme-accent: initial;
    --_theme-on-accent: initial;
    --_theme-danger: initial;
    --_theme-badge: initial;
    --_theme-on-badge: initial;
    --_theme-field: initial;
    --_theme-field-text: initial;
  }

  /* The dark theme's defaults (twice: an interpolated block would keep the minifier from this stylesheet). */
  :host([theme='dark']) {
    --_theme-brand: #a8c7fa;
    --_theme-ink: #ececec;
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
      --_theme-brand: #a8c7fa;
      --_theme-ink: #ececec;
      --_theme-on-accent: #062e6f;
      --_theme-danger: #f2b8b5;
      --_theme-badge: #ffb4ab;
      --_theme-on-badge: #410002;
      --_theme-field: #1e1f20;
      --_theme-field-text: #e3e3e3;
      color-scheme: dark;
    }
  }

  /*
   * Presets: "neutral" has no colour of its own (the page's ink for buttons
   * and links, grey badges); "classic" sets names and headings in a serif,
   * with square corners, like a newspaper's letters page.
   */
  :host([preset='neutral']) {
    --_preset-brand: var(--_ink);
    --_preset-badge: color-mix(in srgb, var(--_ink) 82%, transparent);
    --_preset-on-badge: var(--_theme-field, #ffffff);
  }

  :host([preset='classic']) {
    --_preset-heading-font: Georgia, 'Times New Roman', Times, serif;
    --_preset-radius: 0;
  }

  :host([density='compact']) {
    --_density-space: 0.7rem;
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
    /* The accent as text (contrasting with the page) outlines a fill that may not: #f5f5f5 on white. */
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_brand);
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
