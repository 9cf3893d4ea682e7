// The production builds (npm run build):
//   dist/e-paper.js       the ES module for <script type="module">, every dependency bundled; its lazy
//                         parts in dist/e-paper-parts/ (they travel with it)
//   dist/e-paper.iife.js  the same as one classic script, parts included, for sites without modules
//   dist/lib/             the npm package: ES modules, dependencies external, with declarations
import { build } from 'vite';
import { minifyHTMLLiterals } from 'minify-literals';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const entry = 'src/index.ts';
/** The folders of the parts loaded on demand (src/define.ts LAZY_ELEMENTS) and their helpers. */
const lazyPart = /\/src\/(e-paper-contents|e-paper-tooltip|e-paper-reader|e-paper-pages|e-paper-search|e-paper-archive|search|archive|page-files)\//;

// Lightning CSS lowers and prefixes for these (the oldest engines with everything the styles
// need: color-mix, :has, dvh) and no further; without targets it would write media range syntax.
const version = (major, minor = 0) => (major << 16) | (minor << 8);
const cssTargets = { chrome: version(111), firefox: version(113), safari: version(16, 2), ios_saf: version(16, 2) };

/**
 * Minifies the CSS and HTML inside Lit's css`` / html`` / svg`` templates (minify-literals:
 * Lightning CSS and html-minifier-next), on the compiled JavaScript of our own modules. Runs of
 * whitespace in HTML become one space, never none, so inline layout stays as written.
 */
const minifyTemplates = () => ({
  name: 'e-paper:minify-templates',
  async transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
    const result = await minifyHTMLLiterals(code, {
      fileName: id.replace(/\.ts$/, '.js'),
      css: { targets: cssTargets },
      html: { conservativeCollapse: true, minifyCSS: { targets: cssTargets } },
    });
    if (!result) this.warn(`no template minified in ${id}: could it be parsed?`);
    return result && { code: result.code, map: result.map };
  },
});

const common = {
  configFile: false,
  logLevel: 'warn',
  plugins: [minifyTemplates()],
  build: {
    target: 'es2022',
    emptyOutDir: false,
    minify: true,
    // The bundles are final: the pure annotations that tell another bundler what it may drop
    // (230 of them, 4 KB) serve no one there. The package build keeps them.
    rolldownOptions: { output: { minify: true, comments: { annotation: false } } },
  },
};

rmSync('dist', { recursive: true, force: true });

// The parts a reader may never use (reader, page strip, search, archive) are modules of their own
// beside it, loaded on demand from the entry's own URL: the first render does without them.
await build({
  ...common,
  build: {
    ...common.build,
    outDir: 'dist',
    lib: { entry, formats: ['es'], fileName: () => 'e-paper.js' },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        ...common.build.rolldownOptions.output,
        chunkFileNames: 'e-paper-parts/[name]-[hash].js',
        // Everything outside the lazy parts' folders stays in the entry. Without this, the
        // modules the parts share with it (Lit, the strings) would become chunks of their own
        // that the first render has to fetch one by one.
        codeSplitting: { groups: [{ name: 'e-paper', test: (id) => !lazyPart.test(id) }] },
      },
    },
  },
});
await build({
  ...common,
  build: { ...common.build, outDir: 'dist', lib: { entry, name: 'EPaper', formats: ['iife'], fileName: () => 'e-paper.iife.js' } },
});

// The package build keeps one module per source module, so bundlers can drop what a site does not use.
const dependencies = /^(lit|@lit|@lit-labs|idb-keyval|valibot)(\/|$)/;
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

// The e-paper command (dist/cli/), a Node program apart from the viewer's bundles.
await import('./build-cli.mjs');
