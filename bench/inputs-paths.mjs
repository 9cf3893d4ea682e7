// Where the bench's inputs are: its cache, the A1 edition they are made from, and the scaling
// scenario's files (make-inputs.mjs and make-scale-inputs.mjs write them).
import { join } from 'node:path';
import { ROOT } from './server.mjs';

export const CACHE = join(ROOT, 'bench/.cache');
export const EDITION_URL = '/demo/editions/zhuzhou-daily-2021-01-08.json';
export const EDITION_FILE = join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08.json');
export const FONTS_DIR = join(ROOT, 'demo/editions/zhuzhou-daily-2021-01-08/fonts');
export const SCALE_DIR = join(CACHE, 'scale');
/** The scaling scenario's inputs as the bench server serves them. */
export const SCALE_URLS = {
  /** The manifest of the split 24-page edition; its page files are under edition-24p/. */
  edition24: '/bench/.cache/scale/edition-24p.json',
  edition24OneFile: '/bench/.cache/scale/edition-24p-one-file.json',
  archive365: '/bench/.cache/scale/archive-365.json',
};
