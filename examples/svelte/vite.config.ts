import {svelte} from '@sveltejs/vite-plugin-svelte';
import {defineConfig} from 'vite';

export default defineConfig({
  // Relative asset paths: dist/ works from any folder.
  base: './',
  plugins: [svelte()],
});
