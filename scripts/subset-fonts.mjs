#!/usr/bin/env node
// Cuts the edition's web fonts for the web, one role at a time, and lists them in the edition.
//
//   node scripts/subset-fonts.mjs [--exact] [-o <dir>] <edition.json>     (or: e-paper fonts …)
//
// By default, into the publication's shared slices (scripts/font-slicer.mjs): <dir>/fonts/<role>/
// <slice>-<hash>.woff2, <dir> being the edition's folder unless -o names another (the folder that
// holds every edition of the paper). With --exact, as before: exactly the characters this edition
// prints, in <edition-dir>/<name>/fonts/<role>-<n>.woff2 (a one-off edition; the demo's A1).
// Both write <edition-dir>/<name>/fonts/coverage.json (what each role's files cover) and rewrite
// the edition's `fonts` field (everything else in the file is kept). Exits 1 if a character the
// edition prints is in no source font: the files are written all the same, and the browser draws
// that character with a fallback.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { SLICED_FACES, cutSlices } from './font-slicer.mjs';
import { fileURLToPath } from 'node:url';
import { ROLE_TEXT, roleText } from './font-roles.js';
import { fontPackageDir, fontReader, sourceFiles, toUnicodeRange } from './font-sources.mjs';

/** Printable ASCII and the common CJK punctuation, for the body face. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const EXTRA_BODY = ASCII + '，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—–…·％＋－／～℃　';

/** The face each role uses: a @fontsource package and the weight to take from it. */
const FACES = {
  body: { pkg: '@fontsource/noto-serif-sc', weight: 400 },
  headline: { pkg: '@fontsource/noto-sans-sc', weight: 900 },
  masthead: { pkg: '@fontsource/ma-shan-zheng', weight: 400 },
};

/** Fields holding identifiers, URLs, numbers or layout, never printed text: not fonts' business. */
const NOT_TEXT = new Set(['format', 'id', 'date', 'lang', 'src', 'url', 'article', 'kind', 'parts', 'align', 'fonts', 'regions', 'scan']);

// ---------------------------------------------------------------------------------------------

/** The distinct printable characters of `text`, in code point order. */
function charSet(text) {
  return [...new Set(Array.from(text))].filter((ch) => ch.codePointAt(0) >= 0x20 && !/[\u007f-\u009f\u2028\u2029]/.test(ch));
}

const sortByCodePoint = (chars) => [...chars].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));

/**
 * Cuts the fonts of the edition at `editionArg` and lists them in it. Returns the exit status:
 * 0 done, 1 over the budget (exact cut), over 400 files or characters missing (files written all
 * the same), 3 the edition changed meanwhile (its fonts field not updated). `exact`: this edition's
 * characters alone; otherwise the shared slices under `<root>/fonts/` (`root`: the edition's
 * folder by default). `uiText`: the viewer's own UI text (exact cut only: the shared slices are
 * the same for every edition). `out` takes what the script would print (log, warn, error).
 */
export async function subsetFonts(editionArg, { exact = false, root, uiText, out: io = console } = {}) {
  const started = performance.now();
  const console = io;
  const editionPath = resolve(editionArg);
  const editionText = readFileSync(editionPath, 'utf8');
  const edition = JSON.parse(editionText);
  const name = basename(editionPath, extname(editionPath));
  const fontsDir = join(dirname(editionPath), name, 'fonts');

  // The text of pages kept in page files is the edition's text too: their slices and headline cuts.
  const whole = withPageFiles(edition, dirname(editionPath), console);

  const require = createRequire(import.meta.url);
  const subsetFont = require('subset-font');
  const readFace = await fontReader();

  // Text that no role's paths reach: a new field the table above should learn about.
  const claimed = new Set(
    Object.values(ROLE_TEXT)
      .flat()
      .map((p) => p.replace(/\[\]/g, '')),
  );
  const unclaimed = [];
  (function walk(value, path) {
    if (typeof value === 'string') {
      // eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, on purpose
      if (!claimed.has(path) && /[^\x00-\x7f]/.test(value)) unclaimed.push(`${path}: ${JSON.stringify(value.slice(0, 40))}`);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, path));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (!NOT_TEXT.has(key)) walk(item, path ? `${path}.${key}` : key);
    }
  })(whole, '');
  if (unclaimed.length) {
    console.warn(`warning: text no role covers (add its path to ROLE_TEXT):\n  ${unclaimed.join('\n  ')}`);
  }

  rmSync(fontsDir, { recursive: true, force: true });
  mkdirSync(fontsDir, { recursive: true });
  if (!exact) {
    const printed = Object.fromEntries(Object.keys(ROLE_TEXT).map((role) => [role, charSet(roleText(whole, role))]));
    const result = await cutSlices(printed, join(resolve(root ?? dirname(editionPath)), 'fonts'));
    const fonts = result.files.map((file) => ({
      role: file.role,
      src: relative(dirname(editionPath), file.path).split(sep).join('/'),
      weight: file.weight,
      unicodeRange: file.unicodeRange,
      kind: file.kind,
    }));
    // Each typeset page's headline text, cut exactly: what a page shows legibly at fit, before ready.
    for (const cut of await cutPages(whole, fontsDir, subsetFont, readFace)) {
      const { role, weight, unicodeRange, kind, page } = cut;
      fonts.push({ role, src: relative(dirname(editionPath), cut.path).split(sep).join('/'), weight, unicodeRange, kind, page });
      console.log(`headline page ${cut.page}: ${cut.chars} characters, ${cut.bytes} bytes (${(cut.bytes / 1024).toFixed(1)} KiB)`);
    }
    for (const role of Object.keys(ROLE_TEXT)) {
      const own = result.files.filter((file) => file.role === role);
      const bytes = own.reduce((sum, file) => sum + file.bytes, 0);
      const { pkg, file } = result.faces[role];
      console.log(
        `${role.padEnd(8)} ${pkg} ${file}: ${printed[role].length} characters printed, ${own.length} file(s) ` +
          `(${own.map((f) => f.name).join(' ')}), ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`,
      );
    }
    const coverage = Object.fromEntries(Object.entries(result.coverage).map(([role, chars]) => [role, sortByCodePoint(chars).join('')]));
    const missing = Object.fromEntries(Object.entries(result.missing).map(([role, chars]) => [role, { chars, face: result.faces[role] }]));
    return finish({
      fonts,
      coverage,
      missing,
      started,
      console,
      editionArg,
      editionPath,
      editionText,
      edition,
      fontsDir,
      budget: Infinity,
    });
  }

  const fonts = [];
  const coverage = {};
  const report = [];
  const missing = {};
  let totalBytes = 0;

  for (const role of Object.keys(ROLE_TEXT)) {
    const { pkg, weight } = FACES[role];
    const printed = charSet(roleText(whole, role));
    const extra = role === 'body' ? charSet(EXTRA_BODY + uiText).filter((ch) => !printed.includes(ch)) : [];
    const wanted = new Set([...printed, ...extra].map((ch) => ch.codePointAt(0)));

    // What each source file can give: its cmap, within its declared unicode-range.
    const candidates = [];
    const pkgDir = fontPackageDir(pkg);
    // The fonts are under the SIL Open Font License, which travels with every copy.
    writeFileSync(join(fontsDir, `LICENSE-${role}.txt`), `${pkg}\n\n${readFileSync(join(pkgDir, 'LICENSE'), 'utf8')}`);
    for (const file of sourceFiles(pkgDir, weight)) {
      if (![...wanted].some(file.inRange)) continue;
      const { unicodes } = await readFace(readFileSync(file.path));
      const gives = new Set([...wanted].filter((cp) => file.inRange(cp) && unicodes.has(cp)));
      if (gives.size) candidates.push({ ...file, gives });
    }

    // Fewest files: take the file that gives the most of what is still wanted, then the next.
    const left = new Set(wanted);
    const chosen = [];
    while (left.size) {
      let best = null;
      let bestCount = 0;
      for (const c of candidates) {
        const count = [...c.gives].filter((cp) => left.has(cp)).length;
        if (count > bestCount || (count === bestCount && count > 0 && c.size < best.size)) [best, bestCount] = [c, count];
      }
      if (!best) break;
      const take = [...best.gives].filter((cp) => left.has(cp));
      take.forEach((cp) => left.delete(cp));
      chosen.push({ source: best, take });
    }

    const lost = [...left].map((cp) => String.fromCodePoint(cp));
    const lostPrinted = lost.filter((ch) => printed.includes(ch));
    const lostExtra = lost.filter((ch) => !printed.includes(ch));
    if (lostPrinted.length) missing[role] = lostPrinted;
    if (lostExtra.length)
      console.warn(
        `warning: ${role}: ${pkg} ${weight} lacks extra characters ${JSON.stringify(lostExtra.join(''))} (not printed in this edition)`,
      );

    let roleBytes = 0;
    let roleGlyphs = 0;
    const covered = [];
    for (const [index, { source, take }] of chosen.entries()) {
      const text = take.map((cp) => String.fromCodePoint(cp)).join('');
      const woff2 = await subsetFont(readFileSync(source.path), text, { targetFormat: 'woff2' });
      // Read the shipped file back: its cmap is what the unicode-range must state.
      const { unicodes, glyphs } = await readFace(woff2);
      const absent = take.filter((cp) => !unicodes.has(cp));
      if (absent.length) throw new Error(`${role}: subsetting ${source.name} lost ${String.fromCodePoint(...absent)}`);
      const file = join(fontsDir, `${role}-${index + 1}.woff2`);
      writeFileSync(file, woff2);
      const unicodeRange = toUnicodeRange([...unicodes]);
      if (unicodeRange.length > 20_000) throw new Error(`${role}: unicode-range of ${file} is over the schema's 20000 characters`);
      fonts.push({ role, src: relative(dirname(editionPath), file).split(sep).join('/'), weight, unicodeRange });
      covered.push(...unicodes);
      roleBytes += woff2.length;
      roleGlyphs += glyphs;
      report.push(`    ${basename(file)}  from ${source.name}: ${unicodes.size} characters, ${glyphs} glyphs, ${woff2.length} bytes`);
    }
    coverage[role] = sortByCodePoint(new Set(covered.map((cp) => String.fromCodePoint(cp)))).join('');
    totalBytes += roleBytes;
    console.log(
      `${role.padEnd(8)} ${pkg} ${weight}: ${printed.length} characters printed` +
        (extra.length ? ` + ${extra.length} extra` : '') +
        `, ${chosen.length} file(s), ${roleGlyphs} glyphs, ${roleBytes} bytes (${(roleBytes / 1024).toFixed(1)} KiB)`,
    );
    for (const line of report.splice(0)) console.log(line);
  }

  const faces = Object.fromEntries(Object.entries(missing).map(([role, chars]) => [role, { chars, face: FACES[role] }]));
  return finish({
    fonts,
    coverage,
    missing: faces,
    started,
    console,
    editionArg,
    editionPath,
    editionText,
    edition,
    fontsDir,
    budget: 600 * 1024,
    totalBytes,
  });
}

/** The text a page sets in the headline face, as the viewer reckons it (src/edition/fonts.ts, pageText). */
export function pageHeadlineText(edition, page) {
  const onPage = new Set((page.blocks ?? []).map((block) => block.article).filter(Boolean));
  const strings = (value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : []);
  return [
    ...edition.articles.filter((a) => onPage.has(a.id)).flatMap((a) => strings([a.banner, a.kicker, a.headline, a.subheads])),
    ...strings([edition.ear?.day, edition.ear?.pagesToday, edition.footer?.prompt, page.label]),
  ].join('');
}

/**
 * The edition as the viewer sees it once every page file is in: each page reference (a page with
 * `src`) replaced by its file's page, and the files' articles added. A page file that cannot be
 * read (or a URL: not on this disk) is left out with a warning naming it: its text gets no fonts.
 */
export function withPageFiles(edition, editionDir, io = console) {
  const articles = [...(edition.articles ?? [])];
  const pages = (edition.pages ?? []).map((page) => {
    if (typeof page.src !== 'string' || page.blocks || page.scan) return page;
    let file;
    try {
      if (/^[a-z][a-z\d+.-]*:/i.test(page.src)) throw new Error('a URL, not a file beside the edition');
      file = JSON.parse(readFileSync(resolve(editionDir, decodeURIComponent(page.src)), 'utf8'));
      if (!file?.page || !Array.isArray(file.articles)) throw new Error('not a page file {page, articles}');
    } catch (error) {
      io.warn(`warning: page ${page.id}: its page file ${page.src} is left out (${error.message}); its text gets no fonts`);
      return page;
    }
    articles.push(...file.articles);
    return { ...file.page, id: page.id };
  });
  return { ...edition, pages, articles };
}

/**
 * The exact cut of each typeset page's headline text (pages in the edition and in page files:
 * `edition` as {@link withPageFiles} gives it), in `fontsDir`.
 */
async function cutPages(edition, fontsDir, subsetFont, readFace) {
  const face = SLICED_FACES.headline;
  const source = readFileSync(join(fontPackageDir(face.pkg), face.file));
  const cuts = [];
  for (const page of edition.pages ?? []) {
    if (!page.blocks || !page.id) continue;
    const chars = charSet(pageHeadlineText(edition, page));
    if (!chars.length) continue;
    const woff2 = await subsetFont(source, chars.join(''), { targetFormat: 'woff2' });
    const { unicodes } = await readFace(woff2);
    if (!unicodes.size) continue;
    const path = join(fontsDir, `headline-page-${page.id.replace(/[^\w-]/g, '_')}.woff2`);
    writeFileSync(path, woff2);
    const unicodeRange = toUnicodeRange([...unicodes]);
    cuts.push({
      role: 'headline',
      path,
      weight: face.weight,
      unicodeRange,
      kind: 'page',
      page: page.id,
      bytes: woff2.length,
      chars: unicodes.size,
    });
  }
  return cuts;
}

/** Writes coverage.json and the edition's fonts field, and reports; returns the exit status. */
function finish({
  fonts,
  coverage,
  missing,
  started,
  console,
  editionArg,
  editionPath,
  editionText,
  edition,
  fontsDir,
  budget,
  totalBytes,
}) {
  writeFileSync(join(fontsDir, 'coverage.json'), JSON.stringify(coverage, null, 2) + '\n');

  // Put `fonts` where the schema lists it (before `articles`) unless the edition already has it.
  let out = edition;
  if (!('fonts' in edition)) {
    out = {};
    for (const [key, value] of Object.entries(edition)) {
      if (key === 'articles') out.fonts = null;
      out[key] = value;
    }
  }
  out.fonts = fonts;
  // Another tool may be writing the edition: never overwrite a change made while we worked.
  const hash = (text) => createHash('sha256').update(text).digest('hex');
  if (hash(readFileSync(editionPath, 'utf8')) !== hash(editionText)) {
    console.error(`error: ${editionArg} changed while the fonts were cut; its fonts field is NOT updated. Run again.`);
    return 3;
  }
  writeFileSync(editionPath, JSON.stringify(out, null, 2) + '\n');

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (totalBytes !== undefined)
    console.log(
      `total    ${fonts.length} files, ${totalBytes} bytes (${(totalBytes / 1024).toFixed(1)} KiB) of a ${budget / 1024} KiB budget` +
        (totalBytes > budget ? ` — OVER by ${totalBytes - budget} bytes` : '') +
        `; ${seconds} s`,
    );
  else console.log(`total    ${fonts.length} files listed (a page fetches those its characters need); ${seconds} s`);
  console.log(`wrote    the fonts and the fonts field of ${editionArg}`);

  let status = 0;
  if (totalBytes > budget) {
    console.error(`error: the fonts weigh ${totalBytes} bytes, over the ${budget}-byte budget.`);
    status = 1;
  }
  if (fonts.length > 400) {
    console.error(`error: ${fonts.length} font files, over the 400 an edition may list.`);
    status = 1;
  }
  for (const [role, { chars, face }] of Object.entries(missing)) {
    console.error(
      `error: ${role}: ${face.pkg} ${face.file ?? face.weight} has no glyph for ${chars.length} printed character(s): ` +
        `${chars.map((ch) => `${ch} U+${ch.codePointAt(0).toString(16).toUpperCase()}`).join(', ')}. ` +
        'The fonts were written without them; the browser will draw them in a fallback font.',
    );
    status = 1;
  }
  return status;
}

/** The viewer's own UI strings (they fall back to the body face where the system has no CJK font). */
export function uiTextOf(stringsSource) {
  return stringsSource.match(/'[^'\n]*'/g)?.join('') ?? '';
}

// Run as a script (npm run fonts): the edition's path is the one argument. (Bundled into the
// e-paper command, import.meta.url is the command's own file: then this does not run.)
const self = fileURLToPath(import.meta.url);
if (process.argv[1] && resolve(process.argv[1]) === self && /subset-fonts\.mjs$/.test(self)) {
  let args;
  try {
    args = parseArgs({ options: { exact: { type: 'boolean' }, out: { type: 'string', short: 'o' } }, allowPositionals: true });
  } catch (error) {
    console.error(error.message);
  }
  if (args?.positionals.length !== 1) {
    console.error('usage: node scripts/subset-fonts.mjs [--exact] [-o <publication-dir>] <edition.json>');
    process.exit(64);
  }
  const uiText = uiTextOf(readFileSync(new URL('../src/i18n/strings.ts', import.meta.url), 'utf8'));
  process.exit(await subsetFonts(args.positionals[0], { exact: args.values.exact, root: args.values.out, uiText }));
}
