// What the font scripts share: the source faces in the @fontsource packages, CSS unicode-ranges
// both ways, and reading a font file's character map (harfbuzz, through subset-font's own copy).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureInstalled } from './on-demand.js';

/** The source fonts' own package in the repository (scripts/fonts/package.json). */
const SOURCE_FONTS = fileURLToPath(new URL('fonts/', import.meta.url));

/**
 * The folder of a @fontsource package. In the repository they are no dependency of the project
 * (177 MB that only the font scripts read): installed into scripts/fonts/ on first use. Bundled
 * into the e-paper command there is no such folder: the publisher's own install is used.
 */
export function fontPackageDir(pkg) {
  if (existsSync(join(SOURCE_FONTS, 'package.json'))) {
    ensureInstalled(SOURCE_FONTS);
    return join(SOURCE_FONTS, 'node_modules', pkg);
  }
  return dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
}

/** U+4E00-4E02,U+4E2D … for a list of code points. */
export function toUnicodeRange(codePoints) {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    const hex = (n) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Code points of a CSS unicode-range, as a test: (cp) => boolean. */
export function parseUnicodeRange(range) {
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    if (from.includes('?')) return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'F'), 16)];
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
  return (cp) => spans.some(([a, b]) => cp >= a && cp <= b);
}

/** The woff2 files a @fontsource package ships for one weight (normal style), with their ranges. */
export function sourceFiles(pkgDir, weight) {
  const files = new Map();
  for (const name of readdirSync(pkgDir).filter((n) => n.endsWith('.css'))) {
    const css = readFileSync(join(pkgDir, name), 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      if (!new RegExp(`font-weight:\\s*${weight}\\s*;`).test(block) || !/font-style:\s*normal/.test(block)) continue;
      const url = block.match(/url\(\.\/([^)]+\.woff2)\)/)?.[1];
      if (!url || files.has(url)) continue;
      const range = block.match(/unicode-range:\s*([^;]+);/)?.[1];
      const path = join(pkgDir, url);
      files.set(url, { path, name: basename(url), size: statSync(path).size, inRange: range ? parseUnicodeRange(range) : () => true });
    }
  }
  return [...files.values()];
}

/**
 * A reader of font files (woff2, woff, ttf, otf): their character map and glyph count. subset-font
 * brings harfbuzzjs and fontverter; they are taken from its own dependency tree.
 */
export async function fontReader() {
  const require = createRequire(import.meta.url);
  const depRequire = createRequire(require.resolve('subset-font'));
  const fontverter = depRequire('fontverter');
  const hb = await import(pathToFileURL(depRequire.resolve('harfbuzzjs')).href);
  return async (bytes) => {
    const sfnt = await fontverter.convert(bytes, 'truetype');
    const face = new hb.Face(new hb.Blob(sfnt));
    const maxp = face.referenceTable('maxp');
    const glyphs = maxp ? (maxp[4] << 8) | maxp[5] : NaN;
    return { unicodes: new Set(face.collectUnicodes()), glyphs };
  };
}
