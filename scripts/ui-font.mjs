#!/usr/bin/env node
// Makes the viewer's UI font: the glyphs of every built-in language's UI strings (and the few
// symbols its controls draw), cut from Noto Sans SC, so that a machine without CJK fonts shows
// words rather than empty boxes. The viewer registers it as the last face of its UI font stack.
//
//   npm run fonts:ui
//
// Writes into src/i18n/: ui-font-<hash>.woff2 (one file), ui-font.json (its characters, read back
// from the written file's own character map, and its size), ui-font-file.ts (its name and
// unicode-range, for the viewer) and LICENSE-ui-font.txt (the font's licence, which travels with
// it). Exits 1 if a character has no glyph in the source font.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fonteditor from 'fonteditor-core';
import { fontPackageDir, fontReader, sourceFiles } from './font-sources.mjs';

const { Font, woff2 } = fonteditor;
export const SOURCE = { pkg: '@fontsource/noto-sans-sc', weight: 400 };
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'src/i18n');

/**
 * The unicode-range the viewer declares: past Latin-1 (which every system's fonts draw), the whole
 * of the Basic Multilingual Plane. The range only decides which characters the browser may look
 * for in this face, and it looks only for those no earlier family of the stack has: a broad range
 * makes no one download more, and keeps the first render's module short.
 */
const RANGE = [0x2000, 0xffff];

/** The characters to cover, from the strings modules themselves (bundled by esbuild for Node). */
async function uiFontChars() {
  const bundle = await build({
    entryPoints: [join(root, 'scripts/ui-text.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
  return module.uiFontChars();
}

/**
 * Cuts the glyphs of `wanted` (code points) from the source font's files into one woff2, and reads
 * the written file back. Throws, naming them, if the source has no glyph for some. Shared with
 * scripts/demo-font.mjs (the demo page's own font).
 * @returns {Promise<{data: Buffer, unicodes: Set<number>, glyphs: number, files: number, pkgDir: string}>}
 */
export async function cutFont(wanted, source = SOURCE) {
  const readFace = await fontReader();
  await woff2.init();

  // Each character from the source file whose range and character map have it.
  const pkgDir = fontPackageDir(source.pkg);
  const left = new Set(wanted);
  const parts = [];
  for (const file of sourceFiles(pkgDir, source.weight)) {
    const inFile = [...left].filter(file.inRange);
    if (!inFile.length) continue;
    const bytes = readFileSync(file.path);
    const { unicodes } = await readFace(bytes);
    const take = inFile.filter((cp) => unicodes.has(cp));
    take.forEach((cp) => left.delete(cp));
    if (take.length) parts.push(Font.create(bytes, { type: 'woff2', subset: take }));
  }
  if (left.size) {
    const missing = [...left].map((cp) => `${String.fromCodePoint(cp)} U+${cp.toString(16).toUpperCase()}`);
    throw new Error(`${source.pkg} ${source.weight} has no glyph for ${missing.join(', ')}`);
  }

  // One file: the source's slices merged into the first (same design, same em: no scaling).
  // fonteditor-core takes the simple glyphs of each (the read-back below checks that every
  // character survived); the .notdef of each slice comes along unnamed: only the first is kept.
  const [font, ...rest] = parts;
  for (const part of rest) font.merge(part, { scale: 1 });
  const helper = font.getHelper();
  const spare = helper.get().glyf.flatMap((glyph, index) => (index > 0 && !glyph.unicode?.length ? [index] : []));
  helper.removeGlyf(spare);
  font.set(helper.get());
  const data = font.write({ type: 'woff2', toBuffer: true });

  // Read the written file back: its character map is what the pages and the tests rely on.
  const { unicodes, glyphs } = await readFace(data);
  const lost = wanted.filter((cp) => !unicodes.has(cp));
  if (lost.length) throw new Error(`the merged font lost ${String.fromCodePoint(...lost)}`);
  return { data, unicodes, glyphs, files: parts.length, pkgDir };
}

/** {@link cutFont} for a script that writes the cut: a failure is said and ends the process. */
export async function cutFontOrExit(wanted) {
  try {
    return await cutFont(wanted);
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}

async function main() {
  const started = performance.now();
  const chars = await uiFontChars();
  const wanted = chars.map((ch) => ch.codePointAt(0));
  const outside = chars.filter((ch) => ch.codePointAt(0) < RANGE[0] || ch.codePointAt(0) > RANGE[1]);
  if (outside.length) throw new Error(`characters outside the declared range: ${outside.join('')} (widen RANGE)`);
  const { data, unicodes, glyphs, files, pkgDir } = await cutFontOrExit(wanted);

  const file = `ui-font-${createHash('sha256').update(data).digest('hex').slice(0, 8)}.woff2`;
  for (const old of readdirSync(outDir).filter((name) => /^ui-font-[0-9a-f]+\.woff2$/.test(name))) rmSync(join(outDir, old));
  writeFileSync(join(outDir, file), data);
  const covered = [...unicodes].sort((a, b) => a - b);
  const range = `U+${RANGE.map((cp) => cp.toString(16).toUpperCase()).join('-')}`;
  writeFileSync(
    join(outDir, 'ui-font.json'),
    JSON.stringify(
      { file, source: `${SOURCE.pkg} ${SOURCE.weight}`, bytes: data.length, glyphs, characters: String.fromCodePoint(...covered) },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(
    join(outDir, 'ui-font-file.ts'),
    `// Written by scripts/ui-font.mjs (npm run fonts:ui) with the font beside it: do not edit.\n` +
      `/** The UI font's file, beside this module (${data.length} bytes, ${covered.length} characters). */\n` +
      `export const UI_FONT_FILE = '${file}';\n` +
      `/** The characters the browser may look for in it (see scripts/ui-font.mjs). */\n` +
      `export const UI_FONT_RANGE = '${range}';\n`,
  );
  // The font is under the SIL Open Font License, which travels with every copy.
  writeFileSync(
    join(outDir, 'LICENSE-ui-font.txt'),
    `${file}: a subset of ${SOURCE.pkg} (Noto Sans SC)\n\n${readFileSync(join(pkgDir, 'LICENSE'), 'utf8')}`,
  );

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${file}: ${covered.length} characters, ${glyphs} glyphs, ${data.length} bytes (${(data.length / 1024).toFixed(1)} KiB) from ${files} files of ${SOURCE.pkg} ${SOURCE.weight}; ${seconds} s`,
  );
}

// Run as a script (not when scripts/demo-font.mjs imports its cut).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
