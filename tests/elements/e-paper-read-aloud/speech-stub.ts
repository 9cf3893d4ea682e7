/**
 * A stand-in for the Web Speech API: `speechSynthesis` and `SpeechSynthesisUtterance` that record
 * what they are asked to say (text, lang, rate, voice) and let a test fire the events an engine
 * would (a word boundary, the end of an utterance). Installed over the browser's own, put back by
 * `uninstall()`.
 */
export interface StubVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

export class StubUtterance extends EventTarget {
  text: string;
  lang = '';
  rate = 1;
  pitch = 1;
  volume = 1;
  voice: StubVoice | null = null;
  constructor(text = '') {
    super();
    this.text = text;
  }
}

export class StubSynth extends EventTarget {
  /** Every utterance given to `speak`, in order. */
  spoken: StubUtterance[] = [];
  cancels = 0;
  /** The utterance being said. */
  current?: StubUtterance;
  constructor(public voices: StubVoice[]) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  speak(utterance: StubUtterance) {
    this.spoken.push(utterance);
    this.current = utterance;
  }
  cancel() {
    this.cancels++;
    const utterance = this.current;
    this.current = undefined;
    utterance?.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
  }
  pause() {}
  resume() {}
  /** The engine reached a word at `charIndex` of the utterance being said. */
  boundary(charIndex: number) {
    this.current!.dispatchEvent(Object.assign(new Event('boundary'), { charIndex, name: 'word' }));
  }
  /** The utterance being said ends. */
  finish() {
    const utterance = this.current!;
    this.current = undefined;
    utterance.dispatchEvent(new Event('end'));
  }
}

export const voice = (lang: string, name = `Voice ${lang}`): StubVoice => ({
  name,
  lang,
  localService: true,
  default: false,
  voiceURI: name,
});

const saved = {
  synth: Object.getOwnPropertyDescriptor(window, 'speechSynthesis'),
  utterance: Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance'),
};

/** Puts a stub in place of the browser's speech (`undefined`: a browser without any) and returns it. */
export function install(voices: StubVoice[] | undefined): StubSynth | undefined {
  const synth = voices && new StubSynth(voices);
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: voices ? StubUtterance : undefined,
    configurable: true,
    writable: true,
  });
  return synth;
}

/** The browser's own speech again. */
export function uninstall(): void {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  if (saved.synth) Object.defineProperty(window, 'speechSynthesis', saved.synth);
  if (saved.utterance) Object.defineProperty(window, 'SpeechSynthesisUtterance', saved.utterance);
}
