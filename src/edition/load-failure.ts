/**
 * The load error of data that failed its checks, in words: apart from load.ts, so that the first
 * render loads them only when an edition fails (as it loads validate.ts to name the problems).
 */
import { EditionLoadError } from './load.js';
import type { EditionError } from './validate-core.js';

/**
 * The load error for an {@link EditionError} thrown while parsing the fetched `text`: not-json
 * (a web page, or broken JSON) or invalid. `what` names the data a web page was taken for.
 */
export function parseFailure(error: unknown, text: string, what = 'edition data'): EditionLoadError {
  const problems = (error as EditionError).problems ?? [];
  const notJson = problems.length === 1 && problems[0].path === '' && problems[0].message.startsWith('not JSON');
  if (notJson) {
    const html = /^\s*</.test(text);
    return new EditionLoadError('not-json', html ? `the file is a web page, not ${what} (JSON)` : 'the file is not valid JSON', problems);
  }
  return new EditionLoadError('invalid', problems.length === 1 ? '1 problem' : `${problems.length} problems`, problems);
}
