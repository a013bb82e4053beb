/**
 * Storybook builds the docs tables (attributes, properties, events, slots,
 * parts, custom properties) from custom-elements.json, the same file the
 * README's API tables come from. This keeps only what a page author can use,
 * and keeps the rows from colliding: Storybook keys every row by its name, so
 * a part called `sort` would replace the `sort` attribute and its control.
 */
interface Item {
  name?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  description?: string;
  [key: string]: unknown;
}

interface Declaration {
  tagName?: string;
  members?: Item[];
  events?: Item[];
  cssParts?: Item[];
  [key: string]: unknown;
}

interface Manifest {
  modules?: {declarations?: Declaration[]}[];
  [key: string]: unknown;
}

export function forDocs(manifest: Manifest): Manifest {
  const copy: Manifest = structuredClone(manifest);
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      // Public fields without an attribute (adapter, clock, quote, value, …):
      // fields with one are listed once, as the attribute.
      declaration.members = (declaration.members ?? []).filter(
        (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.attribute
      );
      // Only documented events (@fires); the analyzer also guesses some from `new XEvent(draft)`.
      declaration.events = (declaration.events ?? []).filter((event) => event.name && event.description);
      declaration.cssParts = (declaration.cssParts ?? []).map((part) => ({...part, name: `::part(${part.name})`}));
    }
  }
  return copy;
}
