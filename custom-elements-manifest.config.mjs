// Generates custom-elements.json from the elements' JSDoc (@fires, @csspart,
// @cssprop, @slot). The README's API tables and Storybook's docs read it.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Point the manifest at the published files, not the TypeScript sources.
      name: 'dist-paths',
      packageLinkPhase({customElementsManifest}) {
        const toDist = (path) => path?.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
        for (const mod of customElementsManifest.modules) {
          mod.path = toDist(mod.path);
          for (const exp of mod.exports ?? []) {
            if (exp.declaration?.module) exp.declaration.module = toDist(exp.declaration.module);
          }
          for (const decl of mod.declarations ?? []) {
            if (decl.superclass?.module) decl.superclass.module = toDist(decl.superclass.module);
            // The analyzer also guesses events from `dispatchEvent(new X(arg))` and names them after the
            // argument ("draft", "error"); only the documented @fires events are real.
            if (decl.events) decl.events = decl.events.filter((event) => event.name && event.description);
          }
        }
      },
    },
  ],
};
