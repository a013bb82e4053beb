/**
 * The `--ac-*` custom properties as Controls that work: Storybook lists the
 * `@cssprop`s of custom-elements.json with no type, so it offers an empty
 * JSON editor that changes nothing. Here colours (`--ac-color-*`) become
 * colour pickers and everything else (sizes, font family, line height) a
 * text field, and a decorator sets each value on the story's element with
 * `style.setProperty()` (CSSOM: allowed under the strict CSP, unlike a
 * `style` attribute in a template).
 */
import type {Decorator, Preview} from '@storybook/web-components-vite';

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** Brand colours publishers use (the contrast test's list), offered beside the colour picker. */
export const BRAND_COLOURS = [
  '#a0001c',
  '#e2001a',
  '#004b8d',
  '#00a3e0',
  '#ffcc00',
  '#1a1a1a',
  '#f5f5f5',
  '#006e4f',
  '#7a1fa2',
  '#ff6600',
  '#c6d300',
  '#00205b',
];

export const isCustomProperty = (name: string): name is `--${string}` => name.startsWith('--');

const isColour = (name: string): boolean => name.startsWith('--ac-color-');

/** Gives every custom property of the component a colour picker or a text field. */
export const customPropertyControls: ArgTypesEnhancer = (context) => {
  const argTypes = {...context.argTypes};
  for (const [name, argType] of Object.entries(argTypes)) {
    if (!isCustomProperty(name)) continue;
    argTypes[name] = {
      ...argType,
      type: {name: 'string', required: false},
      control: isColour(name) ? {type: 'color', presetColors: BRAND_COLOURS} : {type: 'text'},
    };
  }
  return argTypes;
};

/**
 * Sets the story's custom-property args on every element of the story's
 * component (an empty or missing value removes the property, so the
 * element's default shows again). Storybook renders a story synchronously
 * right after its decorators, so a microtask finds the element in place,
 * at the first render and after every change of a Control.
 */
export const withCustomProperties: Decorator = (story, context) => {
  const rendered = story();
  const names = Object.keys(context.argTypes).filter(isCustomProperty);
  const tag = typeof context.component === 'string' ? context.component : undefined;
  if (!tag || names.length === 0) return rendered;
  queueMicrotask(() => {
    for (const element of context.canvasElement.querySelectorAll<HTMLElement>(tag)) {
      for (const name of names) {
        const value: unknown = context.args[name];
        if (typeof value === 'string' && value.trim() !== '') element.style.setProperty(name, value.trim());
        else element.style.removeProperty(name);
      }
    }
  });
  return rendered;
};
