// Builds the e-paper command: src/cli/main.ts → dist/cli/e-paper.js, one ES module for Node with
// a #! line (package.json "bin"). Packages stay external (installed dependencies: the XML and
// HTML parsers, the IIIF upgrader, image-size; the font tools when present), so none of them
// can enter the viewer's bundles, which never import src/cli/.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { uiTextOf } from './subset-fonts.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outfile = 'dist/cli/e-paper.js';
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  define: {
    __E_PAPER_UI_TEXT__: JSON.stringify(uiTextOf(readFileSync('src/i18n/strings.ts', 'utf8'))),
    __E_PAPER_VERSION__: JSON.stringify(pkg.version),
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
// The reader process `import pdf` forks to read several files at once (src/cli/pdf/pool.ts).
await build({
  entryPoints: ['src/cli/pdf/reader.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/cli/pdf-reader.js',
  packages: 'external',
  logLevel: 'warning',
});
console.log(`built ${outfile} and dist/cli/pdf-reader.js`);
