import { isolate } from '../../i18n/strings.js';
import { localize } from '../../i18n/localize.js';

/** UI strings of read aloud (`<e-paper-read-aloud>`). */
export interface AloudStrings {
  /** The group's name. */
  label: string;
  play: string;
  pause: string;
  resume: string;
  /** The speed menu's name, and each speed (`1.25×`). */
  rate: string;
  rateValue: (rate: number) => string;
  /** Why the control is not there: the browser has no speech at all. */
  unsupported: string;
  /** Why the control is not there: no voice for the article's language (its name, in the UI language). */
  noVoice: (language: string) => string;
  /** Speech stopped with an error. */
  failed: string;
}

const zh: AloudStrings = {
  label: '朗读',
  play: '朗读',
  pause: '暂停朗读',
  resume: '继续朗读',
  rate: '语速',
  rateValue: (rate) => `${rate}×`,
  unsupported: '此浏览器不支持朗读',
  noVoice: (language) => `此设备没有${isolate(language)}语音，无法朗读`,
  failed: '朗读中断',
};

const en: AloudStrings = {
  label: 'Read aloud',
  play: 'Read aloud',
  pause: 'Pause reading',
  resume: 'Resume reading',
  rate: 'Speed',
  rateValue: (rate) => `${rate}×`,
  unsupported: 'This browser cannot read aloud',
  noVoice: (language) => `No ${isolate(language)} voice on this device: cannot read aloud`,
  failed: 'Reading aloud stopped',
};

/** Read aloud's strings for a UI language tag (see `localize`). */
export const aloudStrings = (lang: string | null | undefined): AloudStrings => localize(lang, 'aloud', zh, en);

/** The name of `lang`'s language in the UI language (中文, Chinese), or the tag itself. */
export function languageName(lang: string, uiLang: string): string {
  const primary = lang.split(/[-_]/)[0] || lang;
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(primary) ?? primary;
  } catch {
    return primary;
  }
}
