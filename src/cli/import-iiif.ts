/**
 * `e-paper import iiif`: a IIIF manifest with what it points at (fetched, or read from the JSON
 * files beside it), or each manifest of a Collection into its own folder and the archive.
 */
import { dirname, join, resolve } from 'node:path';
import { upgrade } from '@iiif/parser/upgrader';
import { ImportError, type ImportResult, type ImportWarning } from '../edition/importers/common.js';
import { iiifCollectionManifests, iiifReferences, importIiifManifest } from '../edition/importers/iiif.js';
import { EditionError } from '../edition/validate.js';
import type { Edition } from '../edition/schema.js';
import { str } from './args.js';
import { addToArchive } from './archive.js';
import { CliError, EXIT } from './exit-codes.js';
import { listFiles, readText } from './inputs.js';
import { parseXml } from './parsers.js';
import { notes } from './report.js';
import { common, type Imported, type Settings } from './import-settings.js';

/**
 * A IIIF manifest (with what it points at), or each manifest of a Collection into its own folder
 * and the archive. Says whether it was a Collection, with the warnings of no edition: its
 * manifests not imported.
 */
export async function importIiif(
  inputs: string[],
  out: string,
  settings: Settings,
  write: (imported: Imported, dir: string, t0: number) => Promise<Edition>,
): Promise<{ collection: boolean; notImported: ImportWarning[] }> {
  if (inputs.length > 1) throw new CliError(EXIT.usage, 'iiif: expected one manifest or collection (file or URL)');
  const input = inputs[0];
  const isUrl = /^https?:\/\//i.test(input);
  const sourceDir = isUrl ? process.cwd() : dirname(resolve(input));
  const json = isUrl ? await settings.resolver.json(input) : parseJsonFile(input, settings.maxBytes);
  // JSON files beside the input, by their id: a collection's manifests and annotation pages saved with it.
  const byId = isUrl ? new Map<string, string>() : jsonById(sourceDir, settings.maxBytes);
  const readUrl = async (url: string) => (byId.has(url) ? readText(byId.get(url)!, settings.maxBytes) : settings.resolver.text(url));
  const type = (json as { type?: string; '@type'?: string })?.type ?? (json as { '@type'?: string })?.['@type'];
  if (type === 'Collection' || type === 'sc:Collection') {
    const { label, items, warnings } = iiifCollectionManifests(json, upgrade as (m: unknown) => unknown);
    const entries: { date: string; src: string; label?: string }[] = [];
    const notImported: ImportWarning[] = [];
    const note = notes(settings.parsed);
    for (const [i, item] of items.entries()) {
      settings.progress.update(i, items.length, item.label ?? item.id);
      const t0 = performance.now();
      try {
        const manifest = jsonOf(await readUrl(item.id), item.id);
        const result = await importManifest(manifest, settings, readUrl, label);
        result.warnings.unshift(...warnings);
        const dir = join(out, result.edition.id);
        // The manifest's relative image hrefs are relative to the manifest's own place.
        const local = byId.get(item.id) ?? settings.resolver.localPath(item.id);
        const edition = await write({ result, sourceDir: local ? dirname(local) : sourceDir, inputs: [item.id] }, dir, t0);
        entries.push({ date: edition.date, src: `${edition.id}/edition.json` });
      } catch (error) {
        if (!(error instanceof ImportError || error instanceof EditionError || error instanceof CliError)) throw error;
        note(`warning: ${item.id}: not imported: ${error.message}`);
        notImported.push({ path: item.id, message: `not imported: ${error.message}`, leftOut: true });
      }
    }
    if (!entries.length) throw new ImportError('items', 'no manifest of the Collection could be imported');
    addToArchive(join(out, 'archive.json'), entries, label);
    return { collection: true, notImported };
  }
  const t0 = performance.now();
  settings.progress.update(0, 1, input);
  const result = await importManifest(json, settings, readUrl, str(settings.parsed, 'publication'));
  await write({ result, sourceDir, inputs: [input] }, out, t0);
  return { collection: false, notImported: [] };
}

async function importManifest(
  json: unknown,
  settings: Settings,
  readUrl: (url: string) => Promise<string>,
  publication?: string,
): Promise<ImportResult> {
  const manifest = isP2(json) ? upgradeOrFail(json) : json;
  // What the manifest points at, fetched round by round (a collection names its pages once read).
  const resources: Record<string, unknown> = {};
  const failed: ImportWarning[] = [];
  for (let round = 0; round < 5; round++) {
    const wanted = iiifReferences(manifest, resources).filter((url) => !failed.some((w) => w.path === url));
    if (!wanted.length) break;
    for (const url of wanted) {
      try {
        const text = await readUrl(url);
        resources[url] = /^\s*[{[]/.test(text) ? jsonOf(text, url) : text;
      } catch (error) {
        if (!(error instanceof CliError || error instanceof ImportError)) throw error;
        failed.push({ path: url, message: `could not be read, its text is not used: ${error.message}` });
      }
    }
  }
  const result = importIiifManifest(manifest, {
    ...common(settings),
    ...((str(settings.parsed, 'publication') ?? publication) && { publication: str(settings.parsed, 'publication') ?? publication }),
    upgrade: upgrade as (m: unknown) => unknown,
    resources,
    parseXml,
  });
  result.warnings.push(...failed);
  return result;
}

const isP2 = (json: unknown) => {
  const type = !!json && typeof json === 'object' ? (json as Record<string, unknown>)['@type'] : undefined;
  return !!json && typeof json === 'object' && ('sequences' in json || (typeof type === 'string' && type.startsWith('sc:')));
};

function upgradeOrFail(json: unknown): unknown {
  try {
    return upgrade(json as Parameters<typeof upgrade>[0]);
  } catch (error) {
    throw new ImportError('', `the Presentation 2 manifest could not be upgraded: ${(error as Error).message}`);
  }
}

function parseJsonFile(path: string, maxBytes: number): unknown {
  return jsonOf(readText(path, maxBytes), path);
}

function jsonOf(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError(where, `not JSON: ${(error as Error).message}`);
  }
}

/** The JSON files under `dir` by their `id` (or `@id`), found by a look at each file's start. */
function jsonById(dir: string, maxBytes: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of listFiles(dir, (name) => /\.json$/i.test(name), { depth: 3, limit: 5000 })) {
    const path = join(dir, file);
    const id = /"@?id"\s*:\s*"([^"]+)"/.exec(readText(path, maxBytes).slice(0, 2000))?.[1];
    if (id && !out.has(id)) out.set(id, path);
  }
  return out;
}
