// The production builds (npm run build):
//   dist/e-paper.js       the ES module for <script type="module">, every dependency bundled; its lazy
//                         parts in dist/e-paper-parts/ (they travel with it)
//   dist/e-paper.iife.js  the same as one classic script, parts included, for sites without modules
//   dist/lib/             the npm package: ES modules, dependencies external, with declarations
//   dist/e-paper-sw.js    the offline service worker a host registers itself (src/offline/e-paper-sw.ts)
import { build } from 'vite';
import { minifyTemplates as minifyLiterals } from './minify-templates.mjs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = 'src/index.ts';
/** The folders of the parts loaded on demand (src/define.ts LAZY_ELEMENTS) and their helpers, what the viewer shows and does around the page once it is shown (e-paper-chrome.ts, with the opening of articles and the search panel), the toolbar's fitting of its row, the viewport's input, what writes the reading state, the page files of an edition that has them (controllers/page-file-set.ts), what only a scan page draws, the light over a lit region (e-paper-page/region-light.ts), the languages beyond Simplified Chinese (English too), the share part's QR encoder, the swap of a stand-in face for the real one (edition/font-swap.ts), the words of validation and of a load that failed it (edition/validate.ts, edition/load-failure.ts: the first render checks quietly, edition/validate-core.ts) with the valibot schema they run (edition/schema.ts: the first render's check is compiled from it, edition/schema-check.ts), the failed-page mark's styles (internal/styles/failed-mark.ts, which the page strip and the overview share), and Lit's directives that only the parts use (the first render's own, cssProps, is src/internal/css-props.ts). */
const lazyPart =
  /\/src\/(elements\/(e-paper-toolbar|e-paper-contents|e-paper-tooltip|e-paper-reader|e-paper-pages|e-paper-search|e-paper-archive|e-paper-read-aloud|e-paper-share|e-paper-overview|e-paper-fullscreen|e-paper-text-view|e-paper-offline)\/|search\/|offline\/|controllers\/(archive|page-file-set|part-light|hash-sync|article-opening|article-reading|search-panel|search-highlights|reader-focus)\.ts|state\/(reading-state|merge-records)\.ts|elements\/e-paper\/(hash|e-paper-chrome|e-paper-chrome\.styles|chrome-strings|text-view-mode)\.ts|edition\/(archive|page-files|continued)\/|edition\/font-swap\.ts|elements\/e-paper-page\/(text-layer|tile-layer|tile-math|tile-source|scan-view|scan-tiles|scan-sources|region-light)\.ts|elements\/e-paper-viewport\/(viewport-input|viewport-strings|input-geometry|stage-layer|[a-z]+-controller)\.ts|edition\/(validate|schema|load-failure)\.ts|i18n\/(languages|zh-hant|en)\.ts|internal\/styles\/failed-mark\.ts)|\/node_modules\/(uqr|valibot)\/|\/node_modules\/lit(-html)?\/(directives\/|directive-helpers)/;

/** The UI font (src/i18n/ui-font.ts), a file of its own beside the code, never inlined. */
const uiFontFile = readFileSync('src/i18n/ui-font-file.ts', 'utf8').match(/UI_FONT_FILE = '([^']+)'/)[1];
/**
 * Where each build finds the UI font: in e-paper-parts/ beside the bundles; beside the module in
 * the package, written `new URL('./….woff2', import.meta.url)` so that a site's bundler copies
 * the file. After Vite's own transforms (enforce: 'post'): in a library build Vite would inline
 * that pattern as a data URL.
 */
const uiFontAt = (url) => ({
  name: 'e-paper:ui-font-url',
  enforce: 'post',
  transform(code, id) {
    if (!id.endsWith('/src/i18n/ui-font.ts')) return null;
    const out = code.replace('new URL(UI_FONT_FILE, base)', url);
    if (out === code) this.error('the UI font URL expression was not found in src/i18n/ui-font.ts');
    // One expression on one line changes: the lines stay where they were, so the map may stay too.
    return { code: out, map: null };
  },
});
// The ES module resolves against its own URL whenever it likes; the classic script against the
// URL its <script> had while it ran (base, src/i18n/ui-font.ts).
const esInParts = uiFontAt(`new URL('e-paper-parts/${uiFontFile}', import.meta.url)`);
const iifeInParts = uiFontAt(`new URL('e-paper-parts/' + UI_FONT_FILE, base)`);

// Lightning CSS lowers and prefixes for these (the oldest engines with everything the styles
// need: color-mix, :has, dvh) and no further; without targets it would write media range syntax.
const version = (major, minor = 0) => (major << 16) | (minor << 8);
const cssTargets = { chrome: version(111), firefox: version(113), safari: version(16, 2), ios_saf: version(16, 2) };

/**
 * Minifies the CSS and HTML inside Lit's css`` / html`` / svg`` templates (minify-templates.mjs:
 * Lightning CSS and html-minifier-next), on the compiled JavaScript of our own modules. Runs of
 * whitespace in HTML become one space, never none, so inline layout stays as written.
 */
const minifyTemplates = () => ({
  name: 'e-paper:minify-templates',
  async transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
    const result = await minifyLiterals(code, {
      fileName: id.replace(/\.ts$/, '.js'),
      css: { targets: cssTargets },
      html: { conservativeCollapse: true, minifyCSS: { targets: cssTargets } },
      warn: (message) => this.warn(message),
    });
    // Nothing to take out of one-line templates; a multi-line one left as it was was not parsed.
    if (!result && /\b(css|html|svg)`[^`]*\n/.test(code)) this.warn(`no template minified in ${id}: could it be parsed?`);
    return result && { code: result.code, map: result.map };
  },
});

/**
 * TypeScript's decorators call our helper (src/internal/decorate.ts: members only, 0.09 kB less in
 * the first render) instead of the compiler's: the compiler writes `babelHelpers.decorate`, which
 * the bundler imports from it. Any other helper the compiler might come to need would be left as
 * a global that does not exist: the build fails then.
 */
const decorateHelper = () => ({
  name: 'e-paper:decorate-helper',
  config: () => ({
    oxc: { helpers: { mode: 'External' } },
    build: {
      rolldownOptions: {
        transform: {
          inject: { 'babelHelpers.decorate': [fileURLToPath(new URL('../src/internal/decorate.ts', import.meta.url)), 'default'] },
        },
      },
    },
  }),
  renderChunk(code, chunk) {
    if (code.includes('babelHelpers'))
      this.error(`${chunk.fileName} calls a compiler helper other than decorate: give it one in scripts/build.mjs`);
  },
});

const common = {
  configFile: false,
  logLevel: 'warn',
  plugins: [minifyTemplates(), decorateHelper()],
  build: {
    target: 'es2022',
    emptyOutDir: false,
    // Terser after Rolldown's own minifier: two passes find another 0.15 kB in the first render.
    minify: 'terser',
    terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
    // Maps beside every bundle and module, for a site's debugger; the size budget counts only the .js.
    sourcemap: true,
    // The bundles are final: the pure annotations that tell another bundler what it may drop
    // (230 of them, 4 KB) serve no one there. The package build keeps them.
    rolldownOptions: { output: { minify: true, comments: { annotation: false } } },
  },
};

rmSync('dist', { recursive: true, force: true });

/**
 * The modules the first render imports: those the entry reaches by static imports without
 * passing through a lazy part. A module outside the parts' folders that only parts import (a
 * style or a helper they share) is left to them, not put in the entry. Filled once the graph is
 * built (buildEnd), read when the chunks are made.
 */
const firstRender = new Set();
const findFirstRender = () => ({
  name: 'e-paper:first-render',
  buildEnd() {
    const queue = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
    for (let id = queue.pop(); id; id = queue.pop()) {
      if (firstRender.has(id) || lazyPart.test(id)) continue;
      firstRender.add(id);
      queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
    }
  },
});

// The parts a reader may never use (reader, page strip, search, archive) are modules of their own
// beside it, loaded on demand from the entry's own URL: the first render does without them.
await build({
  ...common,
  plugins: [...common.plugins, esInParts, findFirstRender()],
  build: {
    ...common.build,
    outDir: 'dist',
    lib: { entry, formats: ['es'], fileName: () => 'e-paper.js' },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        ...common.build.rolldownOptions.output,
        // Six characters of hash (36 bits) tell one build's part from another's; the first render
        // names every part it may load, and each two characters more would cost it 0.03 kB.
        chunkFileNames: 'e-paper-parts/[name]-[hash:6].js',
        // Everything the first render imports stays in the entry. Without this, the modules the
        // parts share with it (Lit, the strings) would become chunks of their own that the first
        // render has to fetch one by one.
        // The modules outside the parts' folders that only parts import go in one chunk of
        // their own, fetched with the first part that needs one (the chrome's, after ready).
        codeSplitting: {
          groups: [
            { name: 'e-paper', test: (id) => firstRender.has(id) },
            // The page strip's marks of pages that failed stay apart: a group takes in what its
            // modules import, and the strip of an edition with no page files needs no more.
            { name: 'failed-pages', test: (id) => id.endsWith('/src/edition/page-files/failed-pages.ts'), priority: 1 },
            // An edition in page files fetches these before its first page: one chunk, not a
            // chain of three fetched one after the other.
            {
              name: 'page-file-set',
              test: (id) => /\/src\/(controllers\/page-file-set|edition\/page-files\/page-file-loade?r?)\.ts$/.test(id),
            },
            { name: 'shared', test: (id) => !lazyPart.test(id) },
          ],
        },
      },
    },
  },
});
await build({
  ...common,
  plugins: [...common.plugins, iifeInParts],
  // A classic script has no import.meta: its own URL, while it runs (src/i18n/ui-font.ts).
  define: { 'import.meta.url': 'document.currentScript.src' },
  build: { ...common.build, outDir: 'dist', lib: { entry, name: 'EPaper', formats: ['iife'], fileName: () => 'e-paper.iife.js' } },
});

// The package build keeps one module per source module, so bundlers can drop what a site does not use.
const dependencies = /^(lit|@lit|@lit-labs|idb-keyval|valibot)(\/|$)/;
await build({
  ...common,
  plugins: [...common.plugins, uiFontAt(`new URL('./${uiFontFile}', import.meta.url)`)],
  build: {
    ...common.build,
    outDir: 'dist/lib',
    minify: false,
    rolldownOptions: {
      external: (id) => dependencies.test(id),
      output: { preserveModules: true, preserveModulesRoot: 'src', minify: false },
    },
    lib: {
      entry: { index: entry, elements: 'src/elements.ts', importers: 'src/edition/importers/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The manifest the package ships names the modules it ships (dist/lib/…js), not the sources.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const shipped = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/lib/$1.js');
writeFileSync(
  'dist/custom-elements.json',
  JSON.stringify(manifest, (key, value) => ((key === 'path' || key === 'module') && typeof value === 'string' ? shipped(value) : value), 2),
);
// The UI font and its licence, where each build looks for it.
for (const dir of ['dist/e-paper-parts', 'dist/lib/i18n']) {
  mkdirSync(dir, { recursive: true });
  for (const file of [uiFontFile, 'LICENSE-ui-font.txt']) copyFileSync(`src/i18n/${file}`, `${dir}/${file}`);
}
// The service worker: one classic script (every browser registers those), nothing of the viewer in it.
await (
  await import('esbuild')
).build({
  entryPoints: ['src/offline/e-paper-sw.ts'],
  outfile: 'dist/e-paper-sw.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  logLevel: 'warning',
});
console.log('built dist/e-paper.js, dist/e-paper.iife.js, dist/e-paper-sw.js and dist/lib/');

// The e-paper command (dist/cli/), a Node program apart from the viewer's bundles.
await import('./build-cli.mjs');
