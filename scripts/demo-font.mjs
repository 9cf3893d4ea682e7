#!/usr/bin/env node
// Makes the demo site's own font: the glyphs of the demo page's own text (every character of
// demo/index.html and of demo/site.js past ASCII) and of the demo editions' article titles (the
// side list, which site.js fills), cut from Noto Sans SC as scripts/ui-font.mjs cuts the viewer's
// UI font, so that the host page around the viewer reads on a machine without CJK fonts. The
// demo's alone: nothing the viewer ships carries it.
//
//   npm run fonts:demo
//
// Writes into demo/: site-font.woff2, site-font.json (its characters, read back from the written
// file, and its size) and LICENSE-site-font.txt; site.css names it first in its font stacks.
// tests/node/demo-font.test.mjs checks that it covers the page. Exits 1 if a character has no glyph in the source font.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE, cutFontOrExit } from './ui-font.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const demoDir = join(root, 'demo');

/**
 * The characters the demo page may show in its own font, as a sorted string: every one past ASCII
 * (which every system draws) of the page and its script, and of the demo editions' titles.
 * Exported for the test.
 */
export function demoChars() {
  const texts = [readFileSync(join(demoDir, 'index.html'), 'utf8'), readFileSync(join(demoDir, 'site.js'), 'utf8')];
  // The side list shows the headlines of the edition in view; the other views (scan, pages,
  // archive, continued) are made from the same A1 page.
  for (const name of readdirSync(join(demoDir, 'editions')).filter((n) => n.endsWith('.json'))) {
    const edition = JSON.parse(readFileSync(join(demoDir, 'editions', name), 'utf8'));
    for (const article of edition.articles ?? []) texts.push(article.headline ?? '');
  }
  const chars = new Set([...texts.join('')].filter((ch) => ch.codePointAt(0) > 0x7e && !/\s/u.test(ch)));
  return [...chars].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join('');
}

async function main() {
  const started = performance.now();
  const wanted = [...demoChars()].map((ch) => ch.codePointAt(0));
  const { data, unicodes, glyphs, files, pkgDir } = await cutFontOrExit(wanted);
  const file = 'site-font.woff2';
  writeFileSync(join(demoDir, file), data);
  const covered = [...unicodes].sort((a, b) => a - b);
  writeFileSync(
    join(demoDir, 'site-font.json'),
    JSON.stringify(
      { file, source: `${SOURCE.pkg} ${SOURCE.weight}`, bytes: data.length, glyphs, characters: String.fromCodePoint(...covered) },
      null,
      2,
    ) + '\n',
  );
  // The font is under the SIL Open Font License, which travels with every copy.
  writeFileSync(
    join(demoDir, 'LICENSE-site-font.txt'),
    `${file}: a subset of ${SOURCE.pkg} (Noto Sans SC)\n\n${readFileSync(join(pkgDir, 'LICENSE'), 'utf8')}`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `demo/${file}: ${covered.length} characters, ${glyphs} glyphs, ${data.length} bytes (${(data.length / 1024).toFixed(1)} KiB) from ${files} files of ${SOURCE.pkg} ${SOURCE.weight}; ${seconds} s`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
