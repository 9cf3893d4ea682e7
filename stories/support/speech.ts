/**
 * A stand-in speech engine for the read aloud stories: the voices a story asks for (none: a
 * browser with no voice for the language; `null`: a browser without speech), silent, so that a
 * story shows each state whatever the machine has.
 */
class SilentUtterance extends EventTarget {
  rate = 1;
  lang = '';
  voice: unknown = null;
  constructor(public text = '') {
    super();
  }
}

export function useVoices(langs: string[] | null): void {
  const voices = (langs ?? []).map((lang) => ({ lang, name: `Voice (${lang})`, localService: true, default: false, voiceURI: lang }));
  const synth = langs && Object.assign(new EventTarget(), { getVoices: () => voices, speak() {}, cancel() {}, pause() {}, resume() {} });
  Object.defineProperty(window, 'speechSynthesis', { value: synth ?? undefined, configurable: true, writable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: langs ? SilentUtterance : undefined,
    configurable: true,
    writable: true,
  });
}
