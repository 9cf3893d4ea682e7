// The production builds (npm run build):
//   dist/e-paper.js       one self-contained ES module, every dependency bundled, for <script type="module">
//   dist/e-paper.iife.js  the same as a classic script, for sites without modules
//   dist/lib/             the npm package: ES modules, dependencies external, with declarations
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const entry = 'src/index.ts';
const common = {
  configFile: false,
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: false, minify: true, rolldownOptions: { output: { minify: true } } },
};

rmSync('dist', { recursive: true, force: true });

await build({
  ...common,
  build: { ...common.build, outDir: 'dist', lib: { entry, formats: ['es'], fileName: () => 'e-paper.js' } },
});
await build({
  ...common,
  build: { ...common.build, outDir: 'dist', lib: { entry, name: 'EPaper', formats: ['iife'], fileName: () => 'e-paper.iife.js' } },
});

// The package build keeps one module per source module, so bundlers can drop what a site does not use.
const dependencies = /^(lit|@lit|@lit-labs|@panzoom|@floating-ui|idb-keyval|valibot)(\/|$)/;
await build({
  ...common,
  build: {
    ...common.build,
    outDir: 'dist/lib',
    minify: false,
    rolldownOptions: { external: (id) => dependencies.test(id), output: { preserveModules: true, preserveModulesRoot: 'src', minify: false } },
    lib: {
      entry: { index: entry, elements: 'src/elements.ts', importers: 'src/edition/importers/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
console.log('built dist/e-paper.js, dist/e-paper.iife.js and dist/lib/');
