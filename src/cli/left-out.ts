/**
 * What of the input an import left out of the edition it wrote: pages, page files or a
 * Collection's manifests that could not be read. Each is named in a warning; this module tells
 * those warnings from the others, so that the command can end with its own exit code
 * (`EXIT.partial`) and say on the summary's last line how many are missing and which: a nightly
 * job that publishes without reading warnings can then tell an edition with pages missing.
 *
 * Each importer marks such a warning where it skips the page (`leftOut` on `ImportWarning`):
 * alto, mets, iiif and image-map ("page skipped"), pdf (a file or a page of it) and a Collection's
 * manifest not imported. tests/node/left-out.test.mjs runs each importer on input with a bad page.
 */
import type { ImportWarning } from '../edition/importers/common.js';

/** Whether `warning` says a page, a page file or a manifest of the input is not in the edition. */
export const isLeftOut = (warning: ImportWarning): boolean => warning.leftOut === true;

/** The names (warning paths) of what `warnings` say is left out, in their order, each once. */
export function leftOut(warnings: readonly ImportWarning[]): string[] {
  return [...new Set(warnings.filter(isLeftOut).map((w) => w.path))];
}

/** The summary's last line: how many are missing, and which (the first `shown`, then a count). */
export function leftOutLine(names: readonly string[], shown = 10): string {
  const listed = names.slice(0, shown).join(', ');
  const more = names.length > shown ? `, and ${names.length - shown} more (see the warnings)` : '';
  return `left out of the edition, as they could not be read: ${names.length} of the input's pages or files: ${listed}${more}`;
}
