import {html} from 'lit';
import {classMap} from 'lit/directives/class-map.js';
import {setCustomElementsManifest, type Decorator, type Preview} from '@storybook/web-components-vite';
import {withActions} from 'storybook/actions/decorator';
// The elements from source (not dist/), so a change shows up without a build.
import '../src/define.js';
import manifest from '../custom-elements.json';
import {themeOf, type Theme} from '../stories/support/render.js';
import {customPropertyControls, withCustomProperties} from './custom-properties.js';
import {forDocs} from './manifest.js';
import './preview.css';

setCustomElementsManifest(forDocs(manifest));

/**
 * The article page around every story: its background and text colour follow
 * the theme (the widget inherits the page's text colour and font), so a dark
 * story sits on a dark page. `parameters.page = 'brand'` shows a publisher's
 * page instead.
 */
const withPage: Decorator = (story, context) => {
  const theme = themeOf(context.args as {theme?: Theme}, context);
  const classes = {
    'story-page': true,
    'story-page--fill': context.viewMode === 'story',
    'story-page--brand': context.parameters.page === 'brand',
  };
  // The widget speaks German; Storybook's own pages stay English.
  return html`<div class=${classMap(classes)} data-theme=${theme} lang="de">${story()}</div>`;
};

/** Drafts and the remembered name live in localStorage: every story starts as a first visit. */
function forgetReader(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith('article-comments:')) localStorage.removeItem(key);
    }
  } catch {
    // No storage (private window): nothing to forget.
  }
}

/** From a 320 px phone to a wide desktop; the toolbar's viewport menu lists these. */
const viewports = {
  phone320: {name: 'Small phone (320 px)', styles: {width: '320px', height: '640px'}, type: 'mobile'},
  phone375: {name: 'Phone (375 px)', styles: {width: '375px', height: '740px'}, type: 'mobile'},
  phone414: {name: 'Large phone (414 px)', styles: {width: '414px', height: '860px'}, type: 'mobile'},
  tablet768: {name: 'Tablet (768 px)', styles: {width: '768px', height: '1024px'}, type: 'tablet'},
  desktop1280: {name: 'Desktop (1280 px)', styles: {width: '1280px', height: '800px'}, type: 'desktop'},
  desktop1600: {name: 'Wide desktop (1600 px)', styles: {width: '1600px', height: '900px'}, type: 'desktop'},
} as const;

const preview: Preview = {
  decorators: [withCustomProperties, withPage, withActions],
  argTypesEnhancers: [customPropertyControls],
  beforeEach: forgetReader,
  globalTypes: {
    theme: {
      description: 'Colour theme of page and widget (a story that sets its own theme keeps it)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          {value: 'light', title: 'Light', icon: 'sun'},
          {value: 'dark', title: 'Dark', icon: 'moon'},
          {value: 'auto', title: 'Auto (prefers-color-scheme)', icon: 'browser'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    theme: 'light',
    viewport: {value: undefined, isRotated: false},
  },
  parameters: {
    layout: 'fullscreen',
    viewport: {options: viewports},
    backgrounds: {disable: true},
    controls: {
      expanded: true,
      sort: 'requiredFirst',
      exclude: /^on[A-Z]/,
    },
    actions: {
      handles: [
        'comments-loaded',
        'comments-load-failed',
        'comments-data-error',
        'comment-send',
        'comment-posted',
        'comment-post-failed',
        'comment-reply-cancel',
      ],
    },
    // Every story is checked with axe-core: here by the a11y panel, in `npm test` by scripts/check-stories.mjs.
    a11y: {test: 'error'},
    docs: {
      toc: true,
      source: {excludeDecorators: true},
    },
    options: {
      storySort: {
        order: ['Introduction', 'article-comments', 'comment-reply', 'Themes', 'Viewports'],
      },
    },
  },
};

export default preview;
