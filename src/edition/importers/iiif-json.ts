/**
 * Reading IIIF Presentation JSON: the small accessors every part of the IIIF importer uses (`id` or
 * `@id`, `type` or `@type`, one value or a list), language maps, and Presentation 2 detection and
 * upgrade. Pure functions of parsed JSON.
 */
import { ImportError } from './common.js';
import type { IiifImportOptions } from './iiif.js';
import { isKnownLanguage } from './text.js';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
export const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
/** `id`, or `@id` as older (v2) service descriptions write it. */
export const idOf = (value: unknown): string | undefined => (isObject(value) ? (str(value.id) ?? str(value['@id'])) : str(value));
export const typeOf = (value: unknown): string | undefined => (isObject(value) ? (str(value.type) ?? str(value['@type'])) : undefined);

/**
 * A language map's values in the preferred language: the best match for `preferred` (exact, then
 * same primary language), else the `none` values, else the first language given — the order the
 * Presentation API asks clients to follow. A plain string (as in older manifests) is taken as is.
 */
export function resolveLanguageMap(map: unknown, preferred: readonly string[]): string[] {
  if (typeof map === 'string') return map.trim() ? [map] : [];
  if (!isObject(map)) return [];
  const entries = Object.entries(map)
    .map(([lang, values]) => [lang, asArray(values).filter((v): v is string => typeof v === 'string' && v.trim() !== '')] as const)
    .filter(([, values]) => values.length > 0);
  if (!entries.length) return [];
  for (const want of preferred) {
    const exact = entries.find(([lang]) => lang.toLowerCase() === want.toLowerCase());
    if (exact) return exact[1];
  }
  for (const want of preferred) {
    const primary = want.split('-')[0].toLowerCase();
    const near = entries.find(([lang]) => lang.split('-')[0].toLowerCase() === primary);
    if (near) return near[1];
  }
  const none = entries.find(([lang]) => lang === 'none' || lang === '@none');
  return (none ?? entries[0])[1];
}

/** The first language (other than `none`) a language map offers. */
export function firstLanguage(map: unknown): string | undefined {
  if (!isObject(map)) return undefined;
  return Object.keys(map).find((lang) => lang !== 'none' && lang !== '@none' && isKnownLanguage(lang));
}

/** A label's value in Latin letters, if any language gives one: ids read better from it. */
export function latinLabel(label: unknown): string | undefined {
  const values = isObject(label) ? Object.values(label).flat() : [label];
  return values.find((value): value is string => typeof value === 'string' && /[A-Za-z]{2}/.test(value));
}

export const isPresentation2 = (json: Json) => {
  const type = typeOf(json) ?? '';
  return (
    /^sc:/.test(type) || 'sequences' in json || 'manifests' in json || JSON.stringify(json['@context'] ?? '').includes('presentation/2')
  );
};

/** A Presentation 2 resource upgraded by the caller's upgrader, or an ImportError. */
export function upgraded(json: Json, upgrade: IiifImportOptions['upgrade'], what: string): Json {
  if (!upgrade)
    throw new ImportError(
      'type',
      `a IIIF Presentation 2 ${what}: pass options.upgrade (such as @iiif/parser's upgrade), or use the e-paper command, which upgrades it`,
    );
  let out: unknown;
  try {
    out = upgrade(json);
  } catch (error) {
    throw new ImportError(
      '',
      `the Presentation 2 ${what} could not be upgraded: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
    );
  }
  if (!isObject(out)) throw new ImportError('', `the Presentation 2 ${what} could not be upgraded: the upgrader returned no object`);
  return out;
}
