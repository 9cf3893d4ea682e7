import { defineConfig } from 'vite';

// Storybook's Vite config. TypeScript is compiled with the repo's tsconfig.json
// (experimentalDecorators, useDefineForClassFields: false), which Lit's decorators need.
export default defineConfig({
  server: { host: '127.0.0.1' },
  optimizeDeps: {
    // Pre-bundled up front: Storybook's web-components renderer imports lit/directive-helpers.js,
    // which Vite would otherwise serve unbundled, loading a second copy of lit-html in dev; and
    // deps found only on the first page load make Vite re-optimise and reload mid-story.
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directive.js',
      'lit/directive-helpers.js',
      'lit/directives/if-defined.js',
      'lit/directives/ref.js',
      'idb-keyval',
      'valibot',
    ],
  },
  build: { target: 'es2022' },
});
