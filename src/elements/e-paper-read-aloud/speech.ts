/**
 * What read aloud needs from the Web Speech API, as pure functions: the voice for a language and
 * the text cut into sentences. No DOM beyond the types.
 */

/** The reading speeds offered, as factors of the voice's own. */
export const RATES = [0.75, 1, 1.25, 1.5, 2] as const;

/** `rate` rounded to the nearest speed offered (1 for nonsense). */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return RATES.reduce((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best), 1);
}

/** A language tag in the shape voices report, lower case: `zh_CN` and `zh-cn` both `zh-cn`. */
const tag = (lang: string) => lang.replace(/_/g, '-').toLowerCase();

/** Whether a Chinese tag is written in Traditional characters (zh-Hant, zh-TW, zh-HK, zh-MO). */
const traditional = (parts: string[]) => parts.includes('hant') || (!parts.includes('hans') && parts.some((p) => /^(tw|hk|mo)$/.test(p)));

/**
 * The best voice for text in `lang`: one of the same tag (local voices first: they need no
 * network); then, for Chinese, one of the same script (zh-TW for zh-Hant, zh-CN for zh-Hans);
 * then any of the same language. None (undefined) when no voice speaks the language.
 */
export function pickVoice<V extends Pick<SpeechSynthesisVoice, 'lang' | 'localService'>>(
  voices: readonly V[],
  lang: string,
): V | undefined {
  const want = tag(lang || 'zh-CN').split('-');
  const rank = (voice: V): number => {
    const have = tag(voice.lang).split('-');
    if (have[0] !== want[0]) return 0;
    const local = voice.localService ? 1 : 0;
    if (have.join('-') === want.join('-')) return 6 + local;
    if (want[0] === 'zh' && traditional(have) === traditional(want)) return 4 + local;
    return 2 + local;
  };
  let best: V | undefined;
  let bestRank = 0;
  for (const voice of voices) {
    const r = rank(voice);
    if (r > bestRank) [best, bestRank] = [voice, r];
  }
  return best;
}

/** Longest piece said in one utterance: some engines stop a long one part way (Chrome's online voices after about 15 s). */
const MAX_CHUNK = 160;

/**
 * `text` cut after each sentence (。！？；.!?; with closing quotes) into pieces of at most about
 * {@link MAX_CHUNK} characters: each is one utterance, so a pause loses little and a long paragraph
 * never meets an engine's limit. The pieces joined give the text back.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const pattern = /(?:[^。！？；!?;.]|\.(?=\S))*(?:[。！？；!?;]+|\.+|$)[”’」』）)"']*\s*/gu;
  for (const match of text.matchAll(pattern)) {
    let piece = match[0];
    if (!piece) continue;
    while (piece.length > MAX_CHUNK) {
      // No sentence end for that long: cut at the last comma or space before the limit.
      const cut = Math.max(piece.lastIndexOf('，', MAX_CHUNK), piece.lastIndexOf(', ', MAX_CHUNK), piece.lastIndexOf(' ', MAX_CHUNK)) + 1;
      const at = cut > MAX_CHUNK / 2 ? cut : MAX_CHUNK;
      out.push(piece.slice(0, at));
      piece = piece.slice(at);
    }
    const last = out.length - 1;
    // A very short piece (a closing "。") rides with the one before.
    if (last >= 0 && piece.trim().length < 2) out[last] += piece;
    else out.push(piece);
  }
  return out.filter((piece) => piece.trim());
}
