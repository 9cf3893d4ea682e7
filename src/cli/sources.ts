/**
 * What each kind of input is made of on disk, and how the command finds it: the METS file and
 * its ALTO files, ALTO pages and their images, a saved 数字报 site's page HTML with the image
 * map and its article pages, a IIIF manifest and what it points at. Also the guesses the command
 * makes when the publisher does not say: the kind, the date from a path.
 */
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseDate } from '../edition/importers/text.js';
import type { ImageMapper } from '../edition/importers/images.js';
import { CliError, EXIT } from './exit-codes.js';
import { isDirectory, listFiles, readBytes, readText } from './inputs.js';
import { decodeHtml } from './parsers.js';

export const KINDS = ['iiif', 'mets', 'alto', 'image-map', 'pdf'] as const;
export type Kind = (typeof KINDS)[number];

const posix = (path: string) => path.split(sep).join('/');

/** The first 4 kB of a file as text, for sniffing. */
function head(path: string): string {
  return new TextDecoder('latin1').decode(readBytes(path).subarray(0, 4096));
}

/** The kind of an input: by extension, then by its root element or first bytes. */
export function detectKind(input: string): Kind {
  if (/^https?:\/\//i.test(input)) return 'iiif';
  if (isDirectory(input)) {
    if (listFiles(input, (name) => /\.pdf$/i.test(name), { depth: 1 }).length) return 'pdf';
    const files = listFiles(input, (name) => /\.(xml|json|html?)$/i.test(name), { depth: 3 });
    if (files.some((f) => /\.json$/i.test(f) && /"(Manifest|sc:Manifest|Collection|sc:Collection)"/.test(head(join(input, f)))))
      return 'iiif';
    const xml = files.filter((f) => /\.xml$/i.test(f));
    if (xml.some((f) => /<(\w+:)?mets[\s>]/.test(head(join(input, f))))) return 'mets';
    if (xml.some((f) => /<(\w+:)?alto[\s>]/.test(head(join(input, f))))) return 'alto';
    if (files.some((f) => /\.html?$/i.test(f) && /<map[\s>]/i.test(readText(join(input, f))))) return 'image-map';
    throw new CliError(EXIT.failed, `${input}: no METS, ALTO, IIIF manifest or page with an image map found in it: name the kind`);
  }
  const ext = extname(input).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.json') return 'iiif';
  if (ext === '.html' || ext === '.htm') return 'image-map';
  const start = head(input);
  if (start.startsWith('%PDF-')) return 'pdf';
  if (/<(\w+:)?mets[\s>]/.test(start)) return 'mets';
  if (/<(\w+:)?alto[\s>]/.test(start)) return 'alto';
  if (/^\s*[{[]/.test(start)) return 'iiif';
  if (/<map[\s>]/i.test(start) || /<html/i.test(start)) return 'image-map';
  throw new CliError(EXIT.failed, `${input}: not a kind the command knows (IIIF JSON, METS, ALTO, HTML with an image map): name the kind`);
}

/**
 * A day in a path, as publishers file issues: `2021-01-08`, `20210108`, `2021/01/08`,
 * `2021-01/08` (数字报 sites' html/2021-01/08/node_2.htm), `1821_08_01`. The last one in the path wins.
 */
export function dateFromPath(path: string): string | undefined {
  const pattern = /(?<!\d)(1[6-9]\d\d|20\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)/g;
  let found: string | undefined;
  for (const match of posix(path).matchAll(pattern)) found = parseDate(`${match[1]}-${match[2]}-${match[3]}`) ?? found;
  return found;
}

/**
 * `--image PATTERN` as a mapper: the page image's href (a master, often) becomes the pattern with
 * `{href}` (the whole href), `{dir}` (its folder, with a slash), `{name}` (file name), `{stem}`
 * (file name without extension), `{label}` (the page label) and `{n}` (page number) filled in.
 * `web/{stem}.jpg` maps `masters/0001.jp2` to `web/0001.jpg`.
 */
export function imagePattern(pattern: string): ImageMapper {
  if (!/\{(href|dir|name|stem|label|n)\}/.test(pattern))
    throw new CliError(EXIT.usage, `--image: expected a pattern with {stem}, {name}, {dir}, {href}, {label} or {n}, got "${pattern}"`);
  return (href, { label, order }) => {
    const path = href.replace(/^file:\/\/(\.\/)?/i, '').replace(/[?#].*$/, '');
    const name = path.split('/').pop() ?? path;
    const dir = path.slice(0, path.length - name.length);
    const values: Record<string, string> = { href, dir, name, stem: name.replace(/\.[^.]*$/, ''), label, n: String(order) };
    return pattern.replace(/\{(href|dir|name|stem|label|n)\}/g, (_, key: string) => values[key]);
  };
}

/** A METS file and the ALTO files beside it (every XML file under its folder, keyed by path relative to it). */
export function metsSource(input: string, maxBytes: number): { metsPath: string; mets: string; alto: Record<string, string>; dir: string } {
  let metsPath = input;
  if (isDirectory(input)) {
    const candidates = listFiles(input, (name) => /\.xml$/i.test(name), { depth: 1 }).filter((f) =>
      /<(\w+:)?mets[\s>]/.test(head(join(input, f))),
    );
    if (!candidates.length) throw new CliError(EXIT.failed, `${input}: no METS file (an XML file whose root is mets) in it`);
    if (candidates.length > 1)
      throw new CliError(EXIT.usage, `${input}: ${candidates.length} METS files in it (${candidates.slice(0, 3).join(', ')}…): name one`);
    metsPath = join(input, candidates[0]);
  }
  const dir = dirname(metsPath);
  const alto: Record<string, string> = {};
  for (const file of listFiles(dir, (name) => /\.xml$/i.test(name), { depth: 4 })) {
    const path = join(dir, file);
    if (resolve(path) === resolve(metsPath) || !/<(\w+:)?alto[\s>]/.test(head(path))) continue;
    alto[file] = readText(path, maxBytes);
  }
  return { metsPath, mets: readText(metsPath, maxBytes), alto, dir };
}

/** ALTO files from the inputs (files, or folders of them), in natural order. */
export function altoFiles(inputs: string[]): string[] {
  return inputs.flatMap((input) =>
    isDirectory(input)
      ? listFiles(input, (name) => /\.xml$/i.test(name))
          .map((f) => join(input, f))
          .filter((f) => /<(\w+:)?alto[\s>]/.test(head(f)))
      : [input],
  );
}

/** The page HTML files of a saved 数字报 site: those with an image map, in natural order. */
export function imageMapPages(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (!isDirectory(input)) return [input];
    return listFiles(input, (name) => /\.html?$/i.test(name))
      .map((f) => join(input, f))
      .filter((f) => /<area[\s>]/i.test(decodeHtml(readBytes(f)).text));
  });
}

/** An HTML file's text, decoded by its declared charset. */
export function readHtml(path: string, maxBytes: number): string {
  return decodeHtml(readBytes(path, maxBytes)).text;
}

/** A path relative to `from`, with `/`. */
export function relativePosix(from: string, to: string): string {
  return posix(relative(from, to)) || '.';
}

/** A printed page label in a 数字报 page's title or text: 第A01版 → A01, 第3版 → 3. */
export function pageLabelOf(text: string): string | undefined {
  return /第\s*([A-Z]?\d{1,3})\s*[版面]/.exec(text)?.[1];
}

/** A 数字报 page title less its page designation: "示例日报 第A01版：要闻" → "示例日报". */
export function publicationOf(title: string): string {
  return title.replace(/[-_|·—\s]*第\s*[A-Z]?\d{1,3}\s*[版面].*$/, '').trim() || title.trim();
}
