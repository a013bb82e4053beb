import vue from '@vitejs/plugin-vue';
import {defineConfig} from 'vite';

export default defineConfig({
  // Relative asset paths: dist/ works from any folder.
  base: './',
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // The package's tags are custom elements, not Vue components: Vue renders them as they are.
          isCustomElement: (tag) => ['article-comments', 'comment-reply', 'comment-report', 'comment-count'].includes(tag),
        },
      },
    }),
  ],
});
