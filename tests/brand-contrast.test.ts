/**
 * Any accent colour a publisher sets must keep every text legible, in the
 * light and the dark theme: the text on the accent ("Senden", the "neue
 * Kommentare" pill), the accent as text (links, the pressed "Empfehlen",
 * "Redaktionsempfehlung"), and the focus ring, which must also never look
 * like the error colour. Checked with axe-core's colour-contrast rule and,
 * so a colour axe could not read does not pass unseen, by measuring the
 * painted colours of the same parts directly.
 */
import {expect} from '@open-wc/testing';
import {ManualClock} from '../src/time/clock.js';
import {MemoryAdapter} from '../src/adapters/memory-adapter.js';
import {record, renderDiscussion, freshThread, until, type DiscussionHarness} from './harness.js';

declare global {
  interface Window {
    axe?: {run(context: Element, options: object): Promise<{violations: AxeResult[]; passes: AxeResult[]; incomplete: AxeResult[]}>};
  }
}
interface AxeResult {
  id: string;
  nodes: {target: unknown[]; failureSummary?: string; any: {message: string}[]}[];
}

export const BRANDS = [
  '#a0001c', '#e2001a', '#004b8d', '#00a3e0', '#ffcc00', '#1a1a1a',
  '#f5f5f5', '#006e4f', '#7a1fa2', '#ff6600', '#c6d300', '#00205b',
];

const PAGES = {
  light: {background: '#ffffff', color: '#1a1a1a'},
  dark: {background: '#121212', color: '#e8e8e8'},
} as const;

const clock = new ManualClock('2026-11-25T16:00:00Z');

/** The painted sRGB colour of any CSS colour (canvas resolves color(), oklch(), color-mix()). */
function rgb(color: string, over: [number, number, number] = [255, 255, 255]): [number, number, number] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d')!;
  context.fillStyle = `rgb(${over.join(' ')})`;
  context.fillRect(0, 0, 1, 1);
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour of the focus ring in the composer. Read from the token every
 * :focus-visible outline uses, not from a focused element: whether a
 * programmatic focus() counts as :focus-visible depends on the tests before.
 */
function focusColour(view: DiscussionHarness): string {
  const form = view.root.querySelector('comment-reply')!;
  const probe = form.shadowRoot!.querySelector<HTMLElement>('[part~="send-button"]')!;
  expect(getComputedStyle(form).getPropertyValue('--_focus').trim()).not.to.equal('');
  const sheetRule = [...form.shadowRoot!.adoptedStyleSheets, ...[...form.shadowRoot!.styleSheets]]
    .flatMap((sheet) => [...sheet.cssRules])
    .some((rule) => rule instanceof CSSStyleRule && rule.selectorText === ':focus-visible' && rule.cssText.includes('var(--_focus)'));
  expect(sheetRule, 'a :focus-visible outline in --_focus').to.equal(true);
  return getComputedStyle(probe).getPropertyValue('--_focus').trim();
}

async function loadAxe(): Promise<NonNullable<Window['axe']>> {
  if (!window.axe) await import('axe-core/axe.min.js' as string);
  return window.axe!;
}

async function render(brand: string, theme: 'light' | 'dark'): Promise<{view: DiscussionHarness; page: HTMLElement}> {
  const page = document.createElement('div');
  page.style.background = PAGES[theme].background;
  page.style.color = PAGES[theme].color;
  page.style.padding = '16px';
  document.body.append(page);
  const thread = freshThread('brand');
  const adapter = new MemoryAdapter({
    [thread]: [
      record({id: 'a', author: {name: 'Anna'}, body: 'Siehe https://example.com/quelle', reactions: 3, featured: true, createdAt: '2026-11-25T15:00:00Z'}),
      record({id: 'b', parentId: 'a', author: {name: 'Julia Weber', role: 'staff'}, body: 'Danke für den Hinweis.', createdAt: '2026-11-25T15:30:00Z'}),
    ],
  });
  const view = await renderDiscussion(null, {thread, adapter, clock, attributes: {theme}});
  page.append(view.element);
  view.element.style.setProperty('--ac-color-accent', brand);
  // The pressed "Empfehlen" (accent text), the open composer ("Senden": text on the accent).
  view.root.querySelector<HTMLButtonElement>('[part~="reaction"]')!.click();
  await view.composer();
  await view.element.updateComplete;
  return {view, page};
}

/** The parts in the accent's colours, with the colour of their text and of what is behind it. */
function measured(view: DiscussionHarness, background: [number, number, number]) {
  const composer = view.root.querySelector('comment-reply')!.shadowRoot!;
  const send = composer.querySelector<HTMLElement>('[part~="send-button"]')!;
  const parts: [string, Element, [number, number, number]][] = [
    ['"Senden"', send, rgb(getComputedStyle(send).backgroundColor, background)],
    ['pressed "Empfehlen"', view.root.querySelector('[part~="reaction"]')!, background],
    ['"Redaktionsempfehlung"', view.root.querySelector('[part~="featured"]')!, background],
    ['a link in a comment', view.root.querySelector('[part~="body"] a')!, background],
  ];
  return parts.map(([name, element, behind]) => ({name, ratio: contrast(rgb(getComputedStyle(element).color, behind), behind)}));
}

describe('brand colours: contrast for any accent, light and dark', function () {
  this.timeout(120_000);

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: 12 brand colours, no axe colour-contrast violation, text on and in the accent ≥ 4.5:1, focus ring ≥ 3:1`, async () => {
      const axe = await loadAxe();
      const failures: string[] = [];
      const background = rgb(PAGES[theme].background);
      for (const brand of BRANDS) {
        const {view, page} = await render(brand, theme);
        try {
          const result = await axe.run(view.element, {runOnly: ['color-contrast']});
          for (const violation of result.violations) {
            for (const node of violation.nodes) failures.push(`${brand} ${theme}: axe: ${JSON.stringify(node.target)} ${node.any.map((a) => a.message).join(' ')}`);
          }
          // axe read the colours: it checked (passed) the texts of the discussion.
          const passed = result.passes.flatMap((rule) => rule.nodes).length;
          if (passed < 10) failures.push(`${brand} ${theme}: axe passed only ${passed} texts`);
          for (const {name, ratio} of measured(view, background)) {
            if (ratio < 4.5) failures.push(`${brand} ${theme}: ${name} ${ratio.toFixed(2)}:1`);
          }
          // The focus ring (every :focus-visible outline is --_focus), on the page.
          const ring = rgb(focusColour(view), background);
          const ringRatio = contrast(ring, background);
          if (ringRatio < 3) failures.push(`${brand} ${theme}: focus ring ${ringRatio.toFixed(2)}:1`);
        } finally {
          page.remove();
        }
      }
      expect(failures).to.deep.equal([]);
    });
  }

  it('the focus ring never takes the error colour, even with a red accent', async () => {
    const {view, page} = await render('#b3261e', 'light');
    try {
      const form = view.root.querySelector('comment-reply')!.shadowRoot!;
      const ring = rgb(focusColour(view));
      const danger = rgb(getComputedStyle(form.host).getPropertyValue('--_danger').trim());
      // Far apart: not a shade of the same red.
      const distance = Math.hypot(ring[0] - danger[0], ring[1] - danger[1], ring[2] - danger[2]);
      expect(distance).to.be.greaterThan(120);
    } finally {
      page.remove();
    }
  });

  it('a publisher can still set the colours on and of the accent outright', async () => {
    const {view, page} = await render('#a0001c', 'dark');
    try {
      view.element.style.setProperty('--ac-color-on-accent', 'rgb(255, 255, 0)');
      view.element.style.setProperty('--ac-color-accent-text', 'rgb(255, 200, 200)');
      const send = view.root.querySelector('comment-reply')!.shadowRoot!.querySelector<HTMLElement>('[part~="send-button"]')!;
      await until(() => getComputedStyle(send).color === 'rgb(255, 255, 0)', 'the set colour on the accent');
      expect(getComputedStyle(view.root.querySelector('[part~="featured"]')!).color).to.equal('rgb(255, 200, 200)');
    } finally {
      page.remove();
    }
  });
});
