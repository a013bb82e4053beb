import {html} from 'lit';
import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {withStaff} from './data/discussions.js';
import {discussion, find, openReply, type DiscussionArgs, DEFAULT_ARGS} from './support/render.js';

/**
 * The widget takes font and text colour from the page. `theme` switches the
 * colours it sets itself (links, buttons, badge, errors, fields): `light`,
 * `dark`, or `auto` for the reader's system setting. The "Theme" switch in
 * the toolbar sets page and widget together for every story.
 */
const meta = {
  title: 'Themes',
  component: 'article-comments',
  args: {...DEFAULT_ARGS, thread: 'story-themes'},
  argTypes: {
    theme: {control: 'inline-radio', options: ['light', 'dark', 'auto']},
  },
  render: (args, context) => discussion(args, context, {records: withStaff}),
} satisfies Meta<DiscussionArgs>;

export default meta;
type Story = StoryObj<DiscussionArgs>;

/** The default: `theme="light"` on a white page. */
export const Light: Story = {
  args: {theme: 'light'},
};

/** `theme="dark"` on a dark page: light accent, badge and error colours, dark fields. */
export const Dark: Story = {
  args: {theme: 'dark'},
};

/**
 * `theme="auto"` follows `prefers-color-scheme`. Switch your system to dark
 * mode (or emulate it in the browser's developer tools) to see it change;
 * the story check renders it with a dark preference.
 */
export const AutoFollowsSystem: Story = {
  tags: ['prefers-dark'],
  args: {theme: 'auto'},
};

/** The dark theme with an open reply form showing its messages (error colour on a dark page). */
export const DarkReplyFormErrors: Story = {
  tags: ['!autodocs'],
  args: {theme: 'dark'},
  play: async ({canvasElement}) => {
    const form = await openReply(find(canvasElement, 'article-comments'), 'c4', 'quote');
    await form.send();
  },
};

/**
 * A publisher's look, made only of documented custom properties (`--ac-*`)
 * and parts (`::part(…)`), set in the publisher's own stylesheet:
 */
export const PublisherBrand: Story = {
  args: {theme: 'light', thread: 'story-brand'},
  parameters: {page: 'brand'},
  render: (args, context) => html`
    <style>
      article-comments.auto-kurier {
        --ac-font-family: 'Helvetica Neue', Arial, sans-serif;
        --ac-font-size: 0.95rem;
        --ac-color-accent: #a0001c;
        --ac-color-badge: #1d1d1b;
        --ac-color-on-badge: #ffffff;
        --ac-color-quote: #c8960c;
        --ac-color-border: #d9d2c5;
        --ac-color-surface: #ffffff;
        --ac-color-field: #ffffff;
        --ac-color-field-text: #1d1d1b;
        --ac-color-highlight: #fff4cc;
        --ac-radius: 0;
        --ac-space: 1.125rem;
        --ac-indent: 1rem;
      }
      article-comments.auto-kurier::part(heading) {
        font-family: Georgia, 'Times New Roman', serif;
        font-size: 1.75rem;
      }
      article-comments.auto-kurier::part(author) {
        text-transform: uppercase;
        letter-spacing: 0.04em;
        font-size: 0.85em;
      }
      article-comments.auto-kurier::part(comment) {
        border-block-start: 3px solid #1d1d1b;
      }
      article-comments.auto-kurier::part(quote) {
        font-family: Georgia, 'Times New Roman', serif;
      }
      article-comments.auto-kurier::part(comment-target) {
        outline: 2px solid #c8960c;
      }
    </style>
    ${discussion(args, context, {records: withStaff, className: 'auto-kurier'})}
  `,
};
