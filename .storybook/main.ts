import type {StorybookConfig} from '@storybook/web-components-vite';
import type {Plugin} from 'vite';

/**
 * package.json's `sideEffects` lists only dist/ files (right for the
 * published package), so a production build of the sources would drop
 * `import '../src/define.js'` and no element would be registered. The
 * sources are what Storybook shows: keep their side effects.
 */
function keepSourceSideEffects(): Plugin {
  return {
    name: 'article-comments:keep-source-side-effects',
    enforce: 'pre',
    transform(code, id) {
      if (/[\\/]src[\\/].+\.ts$/.test(id.split('?')[0])) return {code, map: null, moduleSideEffects: true};
      return null;
    },
  };
}

const config: StorybookConfig = {
  framework: {name: '@storybook/web-components-vite', options: {}},
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {disableTelemetry: true},
  // The elements use legacy decorators (tsconfig.json: experimentalDecorators,
  // useDefineForClassFields false); Vite's Oxc compiles those correctly, and
  // scripts/check-stories.mjs proves it in a browser for every story.
  viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), keepSourceSideEffects()];
    // In `storybook dev`, Storybook's renderer imports lit/directive-helpers.js,
    // which Vite would serve unbundled with a second copy of lit-html ("Multiple
    // versions of Lit loaded"): pre-bundle it with Lit and @lit/context.
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js', '@lit/context'],
    };
    return viteConfig;
  },
};

export default config;
