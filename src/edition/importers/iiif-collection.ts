/**
 * What a IIIF manifest or Collection points at: the manifests a Collection lists, and the resources
 * a manifest's import would use but does not embed (for the caller to fetch).
 */
import { ImportError, clean, type ImportWarning } from './common.js';
import type { IiifImportOptions } from './iiif.js';
import { asArray, idOf, isObject, isPresentation2, resolveLanguageMap, str, typeOf, upgraded, type Json } from './iiif-json.js';
import { isAlto, pagesOf } from './iiif-text.js';

/** One manifest a Collection lists: its URI and what the Collection says of it. */
export interface CollectionItem {
  id: string;
  label?: string;
  navDate?: string;
}

/**
 * The manifests of a IIIF Collection (version 3, or 2 through `upgrade`), nested collections
 * included when embedded; each becomes an edition of the archive the `e-paper` command writes.
 */
export function iiifCollectionManifests(
  collection: unknown,
  upgrade?: IiifImportOptions['upgrade'],
): { label?: string; items: CollectionItem[]; warnings: ImportWarning[] } {
  if (!isObject(collection)) throw new ImportError('', 'expected a IIIF Collection (a JSON object)');
  const json = isPresentation2(collection) ? upgraded(collection, upgrade, 'collection') : collection;
  if (typeOf(json) !== 'Collection')
    throw new ImportError('type', `expected "Collection", got ${JSON.stringify(typeOf(json) ?? 'nothing')}`);
  const warnings: ImportWarning[] = [];
  const items: CollectionItem[] = [];
  const visit = (node: Json, at: string, depth: number) => {
    asArray(node.items).forEach((item, i) => {
      const iat = `${at}.items[${i}]`;
      if (!isObject(item)) return warnings.push({ path: iat, message: 'not an object, skipped' });
      const type = typeOf(item);
      if (type === 'Manifest' && idOf(item)) {
        const label = resolveLanguageMap(item.label, []).map(clean).join(' / ') || undefined;
        items.push({ id: idOf(item)!, ...(label && { label }), ...(str(item.navDate) && { navDate: str(item.navDate) }) });
      } else if (type === 'Collection' && Array.isArray(item.items) && depth < 8) visit(item, iat, depth + 1);
      else
        warnings.push({
          path: iat,
          message: `${type === 'Collection' ? 'a Collection that is only referenced' : `a ${type ?? 'resource of no type'}`}, not a manifest: skipped`,
        });
    });
  };
  visit(json, 'collection', 0);
  if (!items.length) throw new ImportError('items', 'the Collection lists no manifest');
  return { label: resolveLanguageMap(json.label, []).map(clean).join(' / ') || undefined, items, warnings };
}
/**
 * The URLs a manifest points at without embedding what is there and that its import would use:
 * text annotation pages, `rendering` ALTO files, `supplementary` collections and their pages.
 * Those already in `resources` are left out: fetch these, add them, and ask again (a collection
 * names its pages only once fetched).
 */
export function iiifReferences(manifest: unknown, resources: Record<string, unknown> = {}): string[] {
  const wanted = new Set<string>();
  if (!isObject(manifest)) return [];
  const need = (id: string | undefined) => {
    if (id && /^https?:/i.test(id) && !Object.hasOwn(resources, id)) wanted.add(id);
  };
  for (const canvas of asArray(manifest.items)) {
    if (!isObject(canvas)) continue;
    for (const page of asArray(canvas.annotations)) if (isObject(page) && !Array.isArray(page.items)) need(idOf(page));
    for (const rendering of asArray(canvas.rendering)) if (isObject(rendering) && isAlto(rendering)) need(idOf(rendering));
  }
  const ranges = [...asArray(manifest.structures)];
  for (let range = ranges.pop(); range !== undefined; range = ranges.pop()) {
    if (!isObject(range)) continue;
    ranges.push(...asArray(range.items).filter((item) => isObject(item) && typeOf(item) === 'Range'));
    const supplementary = asArray(range.supplementary)[0];
    if (!isObject(supplementary) && typeof supplementary !== 'string') continue;
    const id = idOf(supplementary);
    const collection = id && isObject(resources[id]) ? resources[id] : supplementary;
    if (typeof collection === 'string' || (!Array.isArray(collection.items) && !collection.first)) need(id);
    else for (const page of pagesOf(collection, resources)) if (typeof page === 'string') need(page);
  }
  return [...wanted];
}
