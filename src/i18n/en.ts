/**
 * The viewer's own UI strings in English: a module of its own, beside the first render, loaded
 * (by `loadStrings` in localize.ts) only for viewers that show English, before they render. The
 * parts loaded later keep their English strings in their own modules.
 */
import { isolate, writtenDate, type UiStrings } from './strings.js';

export const en: UiStrings = {
  loading: 'Loading the page…',
  errorTitle: 'This edition cannot be shown',
  retry: 'Retry',
  viewerLabel: (title, date) => `${isolate(title)}, ${isolate(writtenDate(date, 'en'))}, e-paper edition`,
  pageLabel: (label) => `Page ${isolate(label)}`,
  errors: {
    network: 'The network request failed. Check the connection and try again.',
    http: 'The server did not return the edition.',
    timeout: 'Loading took too long.',
    'too-large': 'The edition file is too large.',
    empty: 'The edition file is empty.',
    'not-json': 'The edition file is not in the right format.',
    invalid: 'The edition data does not match the format.',
    'no-source': 'No edition was given (the src attribute).',
  },
  photoPlaceholder: 'Photo not available',
  qrPlaceholder: 'QR code not available',
  read: 'read',
  regionsLabel: (page) => `Articles on page ${isolate(page)}`,
  scanAlt: (label) => `Scan of page ${isolate(label)}`,
  scanLoading: 'Loading a sharper image of the page',
  scanFailed: 'The page image could not be loaded. Please try again later.',
  readCue: 'Click to read',
  viewer: {
    historyCleared: 'Reading history cleared',
    partFailed: 'Part of the viewer could not be loaded. Check the connection and try again.',
    pageFailed: (label, reason) => `Page ${isolate(label)} could not be loaded: ${reason}`,
  },
};
