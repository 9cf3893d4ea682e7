import { localize } from '../../i18n/localize.js';
import { isolate } from '../../i18n/strings.js';

/** UI strings of offline reading (`<e-paper-offline>`). */
export interface OfflineStrings {
  /** The toolbar button while the edition is not saved. */
  save: string;
  /** The toolbar button once it is. */
  saved: string;
  /** The panel's name. */
  panel: string;
  /** What saving does, at the head of the panel. */
  about: string;
  /** The button that saves the edition in view. */
  saveThis: string;
  /** While saving: files kept of all. */
  saving: (done: number, total: number) => string;
  /** A save finished: the edition's size. */
  done: (size: string) => string;
  /** A save failed for want of room. */
  quota: string;
  /** A save failed on a file, or storage refused it. */
  failed: string;
  /** The heading of the list of saved editions. */
  list: string;
  /** Nothing saved yet. */
  none: string;
  /** An entry of the list: the edition and its date. */
  entry: (title: string, date: string) => string;
  /**
   * Under an entry, what tells it from another of the same title: its pages (when the record has
   * them), its size and, where even those are alike, the address it was saved from.
   */
  details: (pages: number | undefined, size: string, source?: string) => string;
  /** The remove button's text. */
  remove: string;
  /** The remove button's name for screen readers: the entry and its details. */
  removeLabel: (title: string, date: string, details: string) => string;
  /** After a removal. */
  removed: (title: string) => string;
  /** The edition in view is saved, with its size. */
  thisSaved: (size: string) => string;
}

/** The details of an entry, those there are, with a middle dot between them. */
export const joinDetails = (...parts: (string | number | undefined)[]): string => parts.filter(Boolean).join(' · ');

const zh: OfflineStrings = {
  save: '离线保存',
  saved: '已保存',
  panel: '离线阅读',
  about: '保存本期报纸的版面、文字、字体和图片，没有网络时也能阅读。',
  saveThis: '保存本期',
  saving: (done, total) => `正在保存…… ${done}/${total} 个文件`,
  done: (size) => `已保存本期（${size}），没有网络时也能阅读。`,
  quota: '浏览器的存储空间不足，未能保存。请删除一些已保存的报纸后再试。',
  failed: '保存失败，没有留下不完整的副本。请检查网络后再试。',
  list: '已保存的报纸',
  none: '还没有保存的报纸。',
  entry: (title, date) => `${isolate(title)} ${isolate(date)}`,
  details: (pages, size, source) => joinDetails(pages && `${pages} 版`, size, source && `来自 ${isolate(source)}`),
  remove: '删除',
  removeLabel: (title, date, details) => `删除已保存的 ${isolate(title)} ${isolate(date)}（${details}）`,
  removed: (title) => `已删除 ${isolate(title)} 的离线副本。`,
  thisSaved: (size) => `本期已保存（${size}）。`,
};

const en: OfflineStrings = {
  save: 'Save offline',
  saved: 'Saved',
  panel: 'Offline reading',
  about: 'Keeps this edition’s pages, text, fonts and images so that it reads without a network.',
  saveThis: 'Save this edition',
  saving: (done, total) => `Saving… ${done} of ${total} files`,
  done: (size) => `Saved (${size}): it reads without a network now.`,
  quota: 'The browser has no room left to save it. Remove some saved editions and try again.',
  failed: 'Saving failed; no partial copy was kept. Check the network and try again.',
  list: 'Saved editions',
  none: 'No edition saved yet.',
  entry: (title, date) => `${isolate(title)} ${isolate(date)}`,
  details: (pages, size, source) =>
    joinDetails(pages && `${pages} ${pages === 1 ? 'page' : 'pages'}`, size, source && `from ${isolate(source)}`),
  remove: 'Remove',
  removeLabel: (title, date, details) => `Remove the saved ${isolate(title)} of ${isolate(date)} (${details})`,
  removed: (title) => `Removed the offline copy of ${isolate(title)}.`,
  thisSaved: (size) => `This edition is saved (${size}).`,
};

/** Offline reading's strings for a UI language tag (see `localize`). */
export const offlineStrings = (lang: string | null | undefined): OfflineStrings => localize(lang, 'offline', zh, en);

/** `1.2 MB`, `340 kB`: a size as the list shows it, in the UI language's digits. */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [Math.max(bytes / 1e3, 0.1), 'kB'];
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
