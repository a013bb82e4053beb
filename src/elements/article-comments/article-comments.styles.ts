import {css} from 'lit';
import {shared, tokens} from '../../styles/shared.styles.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      --_avatar: 2rem;
      display: block;
      container-type: inline-size;
      /* The element keeps what the reader reads in place itself (scroll-anchor.ts). */
      overflow-anchor: none;
    }

    section {
      display: grid;
      gap: calc(var(--_space) * 1.25);
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5em 1em;
      padding-block-end: calc(var(--_space) * 0.5);
      border-block-end: 1px solid var(--_border);
    }

    h2,
    .heading {
      margin: 0;
      font-size: 1.35em;
      line-height: 1.25;
      font-weight: 700;
    }

    .sort {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      color: var(--_muted);
      font-size: 0.9em;
    }

    .sort select {
      min-height: 2.25rem;
      padding: 0.25em 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_field);
      color: var(--_field-text);
    }

    .status {
      margin: 0;
      color: var(--_muted);
    }

    /* Looks like the text field it opens. */
    .composer-start {
      width: 100%;
      min-height: 3rem;
      padding: 0.6em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_field);
      color: var(--_field-text);
      text-align: start;
      cursor: text;
    }

    .error-box {
      display: grid;
      justify-items: start;
      gap: 0.75em;
      padding: var(--_space);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      color: inherit;
    }

    .error-box p {
      margin: 0;
    }

    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }

    /*
     * Block layout, not grid, for the thread: with thousands of comments grid
     * layout costs twice as much. Nothing reaches past the text column: not
     * the separators, not the highlight of a linked comment.
     */
    .item > * + *,
    .replies > .item + .item {
      margin-block-start: calc(var(--_space) * 0.25);
    }

    .thread > .item {
      min-width: 0;
      padding-block: calc(var(--_space) * 0.5);
      /*
       * A change inside a thread (a time ticking from "vor 9 Minuten" to
       * "vor 10 Minuten", a new reply) lays out that thread only.
       */
      contain: layout style;
    }

    /*
     * Beyond the first screen, threads far off screen skip layout and paint
     * until they come near; they stay in the DOM, so find-in-page, permalinks
     * and screen readers still reach them. The size is a placeholder until a
     * thread is first rendered.
     */
    .thread > .item:nth-child(n + 11):not(.has-target) {
      content-visibility: auto;
      contain-intrinsic-size: auto 10rem;
    }

    /* The same within one thread: a thread of 1,000 replies is not laid out in one frame. */
    .replies > .item:nth-child(n + 11):not(:focus-within) {
      content-visibility: auto;
      contain-intrinsic-size: auto 6rem;
    }

    .thread > .item + .item {
      border-block-start: 1px solid var(--_border);
    }

    /* The line down from a comment to its replies shows who answers whom. */
    .replies {
      margin-block-start: calc(var(--_space) * 0.25);
      padding-inline-start: var(--_indent);
      border-inline-start: 2px solid var(--_border);
    }

    /* Under the avatar's middle, when there are avatars. */
    :host([avatars]) .replies:not(.flat) {
      margin-inline-start: calc(var(--_avatar) / 2 - 1px);
      padding-inline-start: calc(var(--_indent) - var(--_avatar) / 2 + 1px);
    }

    .replies.flat {
      padding-inline-start: 0;
      border-inline-start: 0;
    }

    @container (max-width: 30rem) {
      .replies {
        padding-inline-start: calc(var(--_indent) * 0.5);
      }
    }

    .comment {
      min-width: 0;
      padding-block: calc(var(--_space) * 0.5);
      border-radius: var(--_radius);
      background: var(--_surface);
      scroll-margin-block: calc(var(--_space) * 4);
    }

    .comment > * + * {
      margin-block-start: calc(var(--_space) * 0.25);
    }

    /* The linked comment: a tint and a bar on the start side (right in right-to-left pages), inside the column. */
    .comment.target {
      padding-inline: calc(var(--_space) * 0.75 - 3px) calc(var(--_space) * 0.75);
      border-inline-start: 3px solid var(--_brand);
      background: var(--_highlight);
    }

    .comment:focus {
      outline: none;
    }

    /* Inside the box: a thread's paint containment would clip an outline outside it. */
    .comment:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.6em;
      min-width: 0;
    }

    .author {
      font-family: var(--_heading-font);
      font-weight: 700;
      overflow-wrap: anywhere;
    }

    /* Initials on a colour from the name (avatars attribute); decoration only, the name is beside it. */
    .avatar {
      display: inline-grid;
      place-items: center;
      flex: none;
      align-self: center;
      width: var(--_avatar);
      height: var(--_avatar);
      border-radius: 50%;
      background: oklch(0.45 0.09 var(--_hue));
      color: #ffffff;
      font-size: calc(var(--_avatar) * 0.4);
      font-weight: 700;
      line-height: 1;
      letter-spacing: 0.02em;
      user-select: none;
    }

    .hue-0 {
      --_hue: 15;
    }

    .hue-1 {
      --_hue: 45;
    }

    .hue-2 {
      --_hue: 75;
    }

    .hue-3 {
      --_hue: 105;
    }

    .hue-4 {
      --_hue: 135;
    }

    .hue-5 {
      --_hue: 165;
    }

    .hue-6 {
      --_hue: 195;
    }

    .hue-7 {
      --_hue: 225;
    }

    .hue-8 {
      --_hue: 255;
    }

    .hue-9 {
      --_hue: 285;
    }

    .hue-10 {
      --_hue: 315;
    }

    .hue-11 {
      --_hue: 345;
    }

    .badge {
      padding: 0.05em 0.5em;
      border-radius: var(--_radius);
      background: var(--_badge);
      color: var(--_on-badge);
      font-size: 0.8em;
      font-weight: 700;
    }

    /* "Angeheftet", "Redaktionsempfehlung", "Beantwortet", "Antwort der Redaktion": quiet labels beside the name. */
    .mark {
      padding: 0.05em 0.45em;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      color: var(--_muted);
      font-size: 0.8em;
    }

    .mark.featured,
    .mark.answered,
    .mark.answer {
      color: var(--_accent);
    }

    .reaction[aria-pressed='true'] {
      font-weight: 700;
    }

    .reaction-count {
      font-variant-numeric: tabular-nums;
    }

    .reaction.own {
      display: inline-flex;
      align-items: center;
      min-height: 2rem;
      padding-inline: 0.5em;
      color: var(--_muted);
      font-size: 0.85em;
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }

    .filter {
      min-height: 2.25rem;
      padding: 0.25em 0.75em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: 0.9em;
      cursor: pointer;
    }

    .filter[aria-pressed='true'] {
      border-color: var(--_accent);
      color: var(--_accent);
      font-weight: 700;
    }

    .filter:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    .time,
    .edited,
    .reply-to {
      color: var(--_muted);
      font-size: 0.875em;
    }

    /* The time is the comment's permalink; its full date is in its name, and shown on focus. */
    a.time {
      position: relative;
      text-decoration: none;
      white-space: nowrap;
    }

    a.time:hover {
      text-decoration: underline;
    }

    a.time:focus-visible > .full-date {
      inset-block-start: calc(100% + 0.25em);
      inset-inline-start: 0;
      z-index: 2;
      width: auto;
      height: auto;
      margin: 0;
      padding: 0.2em 0.5em;
      clip-path: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_field);
      color: var(--_field-text);
    }

    .reaction-count.zero {
      display: none;
    }

    .reply-to a {
      color: inherit;
      font-weight: 600;
    }

    .reply-to {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .body,
    .quote,
    .placeholder {
      overflow-wrap: anywhere;
    }

    /* Single line breaks inside a paragraph are kept. */
    .body p,
    .quote blockquote p {
      white-space: pre-line;
    }

    .body p {
      margin: 0 0 0.6em;
    }

    /*
     * Readers write in any script: each paragraph (and each line after a
     * line break) takes its direction from its first letter, like dir="auto",
     * so an Arabic or Hebrew paragraph reads right to left inside a German thread.
     */
    .body p,
    .quote blockquote p {
      unicode-bidi: plaintext;
    }

    .body p:last-child {
      margin-block-end: 0;
    }

    /* A very long text, shown whole: blocks off screen skip layout. */
    .body.long > .block {
      content-visibility: auto;
      contain-intrinsic-size: auto 12rem;
    }

    .body.long > .block {
      margin: 0;
    }

    .body.long > .block:not(.continued, :first-child) {
      margin-block-start: 0.6em;
    }

    .more-text,
    .more-replies {
      min-height: 2rem;
      font-size: 0.85em;
    }

    .more-text {
      margin-inline-start: -0.5em;
    }

    .placeholder {
      margin: 0;
      color: var(--_muted);
      font-style: italic;
    }

    .quote {
      margin: 0;
      padding-inline-start: 0.9em;
      border-inline-start: 3px solid var(--_quote-border);
    }

    .quote blockquote {
      margin: 0;
      font-style: italic;
    }

    .quote blockquote p {
      margin: 0 0 0.4em;
    }

    .quote figcaption {
      color: var(--_muted);
      font-size: 0.875em;
    }

    .quote figcaption a {
      color: inherit;
    }

    /* Quiet actions: they must not shout louder than the text. */
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.1em;
      margin-inline-start: -0.45em;
    }

    .actions .link-button {
      gap: 0.3em;
      min-height: 2rem;
      margin-inline-start: 0;
      padding-inline: 0.45em;
      color: var(--_muted);
      font-size: 0.85em;
      font-weight: 500;
    }

    .actions .link-button:hover {
      color: var(--_text);
    }

    /* "Löschen?" asked in the page, and the last word on the reader's own comment. */
    .actions .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      flex-basis: 100%;
      margin-block: 0.5em;
      padding: 0.6em 0.8em;
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
    }

    .actions .confirm p {
      flex-basis: 100%;
      margin: 0;
    }

    .actions .button.danger {
      border-color: var(--_danger);
      background: var(--_danger);
      color: #fff;
    }

    .own-message {
      flex-basis: 100%;
      margin: 0.25em 0 0;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .edit-form {
      display: block;
      margin-block: 0.5em;
    }

    .actions .reaction[aria-pressed='true'] {
      color: var(--_accent);
    }

    /* The reply toggle is not an action: "2 Antworten" with a chevron, in the text's colour, at the top of the line. */
    .item > .toggle {
      gap: 0.4em;
      min-height: 2rem;
      margin-inline-start: -0.45em;
      padding-inline: 0.45em;
      color: var(--_text);
      font-size: 0.85em;
      font-weight: 600;
    }

    .toggle::before {
      content: '';
      flex: none;
      width: 0.45em;
      height: 0.45em;
      border-block-end: 2px solid currentColor;
      border-inline-end: 2px solid currentColor;
      transform: translateY(-0.15em) rotate(45deg);
    }

    .toggle[aria-expanded='true']::before {
      transform: translateY(0.1em) rotate(-135deg);
    }

    .reply-form {
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    h2,
    .heading {
      font-family: var(--_heading-font);
    }

    :host([density='compact']) {
      --_line-height: var(--ac-line-height, 1.45);
    }

    :host([density='compact']) .actions .link-button,
    :host([density='compact']) .item > .toggle {
      min-height: 1.75rem;
    }

    :host([preset='classic']) .thread > .item + .item {
      border-block-start-color: color-mix(in srgb, currentColor 45%, transparent);
    }

    :host([preset='classic']) .header {
      border-block-end: 2px solid currentColor;
    }

    .more {
      display: grid;
      justify-items: center;
      gap: 0.5em;
    }

    .more p {
      margin: 0;
    }

    /* loading="lazy": the skeleton keeps the space the discussion will take, so nothing below jumps when it arrives. */
    :host([loading='lazy']) .skeletons {
      align-content: start;
      min-height: var(--ac-placeholder-height, 40rem);
    }

    .skeletons {
      display: grid;
      gap: calc(var(--_space) * 1.25);
    }

    .skeleton {
      display: grid;
      gap: 0.5em;
      min-height: 6.5em;
    }

    .skeleton-line {
      height: 0.9em;
      border-radius: var(--_radius);
      background: var(--_border);
    }

    .skeleton-line.short {
      width: 35%;
    }
  `,
];
