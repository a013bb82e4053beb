/**
 * Where "Melden" leads when the backend takes no reports: the publisher's own
 * form, from a template with `{url}` (the comment's permalink) and `{id}`.
 */
import {safeHref} from './text.js';

/** The comment's permalink as an absolute URL on this page. */
export function absolutePermalink(page: string, fragment: string): string {
  return new URL(fragment, page).href;
}

/** The publisher's report form for one comment, or undefined when the template is not an http(s) URL. */
export function reportLink(template: string, permalink: string, id: string): string | undefined {
  if (!template) return undefined;
  const filled = template.replaceAll('{url}', encodeURIComponent(permalink)).replaceAll('{id}', encodeURIComponent(id));
  return safeHref(filled);
}
