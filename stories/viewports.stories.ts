import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {withStaff} from './data/discussions.js';
import {discussion, type DiscussionArgs, DEFAULT_ARGS} from './support/render.js';

/**
 * The Ferrari discussion at the widths readers use, from a 320 px phone to a
 * wide desktop. Every other story can be switched to these widths with the
 * viewport menu in the toolbar.
 */
const meta = {
  title: 'Viewports',
  component: 'article-comments',
  args: {...DEFAULT_ARGS, thread: 'story-viewports'},
  render: (args, context) => discussion(args, context, {records: withStaff}),
} satisfies Meta<DiscussionArgs>;

export default meta;
type Story = StoryObj<DiscussionArgs>;

const at = (value: string): Story => ({globals: {viewport: {value, isRotated: false}}});

/** The narrowest phone in use (iPhone SE 1st generation, small Android phones). */
export const SmallPhone320: Story = at('phone320');

export const Phone375: Story = at('phone375');

export const Tablet768: Story = at('tablet768');

export const Desktop1280: Story = at('desktop1280');

export const WideDesktop1600: Story = at('desktop1600');
