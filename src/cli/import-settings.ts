/**
 * What `e-paper import` hands each kind's reader (the parsed command line, the limits, the image
 * mapper, the resolver, the progress) and what a reader hands back before it is written.
 */
import type { ImportResult } from '../edition/importers/common.js';
import type { ImageMapper } from '../edition/importers/images.js';
import { str, type Parsed } from './args.js';
import type { Resolver } from './inputs.js';
import type { Progress } from './report.js';

/** What one import produced, before writing. */
export interface Imported {
  result: ImportResult;
  /** Where the input's relative image hrefs are. */
  sourceDir: string;
  inputs: string[];
  /** Files the importer itself wrote into the edition folder (the page images drawn from a PDF). */
  alsoWritten?: string[];
}

export interface Settings {
  parsed: Parsed;
  maxBytes: number;
  mapper?: ImageMapper;
  resolver: Resolver;
  progress: Progress;
}
/** The options every importer takes, from the command line. */
export function common(settings: Settings) {
  const { parsed } = settings;
  return {
    ...(str(parsed, 'id') && { id: str(parsed, 'id') }),
    ...(str(parsed, 'title') && { title: str(parsed, 'title') }),
    ...(str(parsed, 'date') && { date: str(parsed, 'date') }),
    ...(str(parsed, 'lang') && { lang: str(parsed, 'lang') }),
  };
}
