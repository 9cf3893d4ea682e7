// The production builds (npm run build):
//   dist/e-paper.js       one self-contained ES module, every dependency bundled, for <script type="module">
//   dist/e-paper.iife.js  the same as a classic script, for sites without modules
//   dist/lib/             the npm package: ES modules, dependencies external, with declarations
import { build } from 'vite';
import { minifyHTMLLiterals } from 'minify-literals';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const entry = 'src/index.ts';

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

await build({
  ...common,
  build: { ...common.build, outDir: 'dist', lib: { entry, formats: ['es'], fileName: () => 'e-paper.js' } },
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
