import { LitElement, html, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article } from '../../edition/schema.js';
import { emit } from '../../events/events.js';
import { aloudStrings, languageName } from './read-aloud-strings.js';
import { readAloudStyles } from './e-paper-read-aloud.styles.js';
import { RATES, clampRate, pickVoice, sentences } from './speech.js';

/** The events `<e-paper-read-aloud>` fires (internal: see src/events/events.ts). */
export interface EPaperReadAloudEventMap {
  /**
   * Reading reached a block (`paragraph` -1: the headline; 0…: the body paragraphs), or the speed
   * changed. `speaking` is false once reading has stopped or paused.
   */
  'e-paper-read-aloud-position': { articleId: string; paragraph: number; rate: number; speaking: boolean };
  /** The article has been read to its end; with `continuous`, reading goes on when `article` changes. */
  'e-paper-read-aloud-end': { articleId: string };
}

declare global {
  interface HTMLElementTagNameMap {
    'e-paper-read-aloud': EPaperReadAloud;
  }
}

type Phase = 'idle' | 'playing' | 'paused';

const icon = (d: string) =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d=${d} fill="currentColor"/></svg>`;
const playIcon = icon('M8 5.5v13l10.5-6.5z');
const pauseIcon = icon('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z');
const muteIcon = svg`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" fill="currentColor"/><path d="M15.5 9.5l5 5M20.5 9.5l-5 5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`;

/** The speech engine, read at each use: a test may stand in its own. */
const synth = (): SpeechSynthesis | undefined => (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;

/**
 * Read aloud, in the reader: play / pause and the speed of the article's text through the
 * browser's own speech (the Web Speech API: no network of ours), in a voice of the article's
 * language. It reads the headline, then each paragraph, one sentence per utterance, and says where
 * it is (`e-paper-read-aloud-position`) so that the reader highlights and shows the paragraph. At
 * the end it fires `e-paper-read-aloud-end`; with `continuous` it goes on with the next `article`
 * its owner gives it. Without speech, or without a voice for the language, it shows why instead
 * of its controls. Pausing cancels the utterance and resuming says the rest of the sentence from
 * the last word boundary: the engines' own pause is unreliable (Chrome on Android ignores resume).
 *
 * @fires e-paper-read-aloud-position - Reading reached a block or changed speed. `detail: {articleId, paragraph, rate, speaking}`; paragraph -1 is the headline.
 * @fires e-paper-read-aloud-end - The article was read to its end. `detail: {articleId}`.
 * @csspart aloud - The group of controls (or the reason it is not there).
 */
export class EPaperReadAloud extends LitElement {
  static override styles = readAloudStyles;

  /** The article to read. */
  @property({ attribute: false }) article?: Article;

  /** The article's language (the edition's `lang`): the voice speaks it. */
  @property({ attribute: 'text-lang' }) textLang = 'zh-CN';

  /** UI language. */
  @property({ reflect: true }) override lang = 'zh-CN';

  /** Speed, one of 0.75, 1, 1.25, 1.5, 2. */
  @property({ type: Number }) rate = 1;

  /** Where play starts: -1 the headline, 0… a body paragraph (a remembered position). */
  @property({ type: Number }) start = -1;

  /** Whether another article follows: at the end, reading waits for it instead of stopping. */
  @property({ type: Boolean }) continuous = false;

  @state() private phase: Phase = 'idle';
  @state() private voices: SpeechSynthesisVoice[] = [];

  /** The block being read (-1 the headline) and its sentences, the sentence, and the character reached in it. */
  #block = -1;
  #pieces: string[] = [];
  #piece = 0;
  #char = 0;
  /** The utterance being said: events of any other (cancelled) one are ignored. */
  #current?: SpeechSynthesisUtterance;

  /** Whether this browser reads aloud. */
  get supported(): boolean {
    return synth() !== undefined && typeof globalThis.SpeechSynthesisUtterance === 'function';
  }

  /** The voice for the article's language, if the browser has one. */
  get voice(): SpeechSynthesisVoice | undefined {
    return pickVoice(this.voices, this.textLang);
  }

  /** Whether reading is under way (not paused). */
  get playing(): boolean {
    return this.phase === 'playing';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const speech = synth();
    speech?.addEventListener?.('voiceschanged', this.#onVoices);
    this.#onVoices();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    synth()?.removeEventListener?.('voiceschanged', this.#onVoices);
    this.stop();
  }

  // Voices arrive late in some browsers (Chrome loads them after the first call).
  #onVoices = () => {
    this.voices = [...(synth()?.getVoices() ?? [])];
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rate')) this.rate = clampRate(this.rate);
    if (changed.has('article') && changed.get('article') !== undefined) {
      // Another article: a reading under way goes on with it, from its headline.
      const going = this.phase === 'playing';
      this.#silence();
      this.phase = 'idle';
      if (going && this.article) this.#begin(-1);
    }
  }

  /** Starts reading (from `start`), or resumes. */
  play(): void {
    if (!this.article || !this.voice) return;
    if (this.phase === 'paused') {
      this.phase = 'playing';
      this.#report(true);
      this.#speak();
    } else if (this.phase === 'idle') this.#begin(this.start);
  }

  /** Pauses; `play()` resumes at the word it stopped at. */
  pause(): void {
    if (this.phase !== 'playing') return;
    this.phase = 'paused';
    this.#silence();
    this.#report(false);
  }

  /** Stops and forgets the place. */
  stop(): void {
    const was = this.phase;
    this.phase = 'idle';
    this.#silence();
    if (was !== 'idle') this.#report(false);
  }

  #blocks(): string[] {
    const article = this.article;
    return article ? [article.headline, ...article.paragraphs] : [];
  }

  #begin(paragraph: number): void {
    const count = this.#blocks().length - 1;
    this.phase = 'playing';
    this.#enter(Math.max(-1, Math.min(count - 1, Math.floor(paragraph))));
  }

  /** Goes to a block (or past the last: the end) and says it. */
  #enter(block: number): void {
    const blocks = this.#blocks();
    if (block + 1 >= blocks.length) {
      this.#finish();
      return;
    }
    this.#block = block;
    this.#pieces = sentences(blocks[block + 1]);
    this.#piece = this.#char = 0;
    this.#report(true);
    if (this.#pieces.length) this.#speak();
    else this.#enter(block + 1);
  }

  #finish(): void {
    const articleId = this.article!.id;
    this.#current = undefined;
    this.#block = -1;
    this.#pieces = [];
    if (!this.continuous) this.phase = 'idle';
    emit(this, 'e-paper-read-aloud-end', { articleId });
    if (!this.continuous) this.#report(false);
  }

  #speak(): void {
    const speech = synth();
    const voice = this.voice;
    if (!speech || !voice) return this.stop();
    // Resumed after the end, with no next article given: from the top.
    if (this.#pieces[this.#piece] === undefined) return this.#begin(-1);
    const utterance = new SpeechSynthesisUtterance(this.#pieces[this.#piece].slice(this.#char));
    const offset = this.#char;
    utterance.voice = voice;
    utterance.lang = voice.lang || this.textLang;
    utterance.rate = this.rate;
    utterance.addEventListener('boundary', (event) => {
      if (utterance === this.#current) this.#char = offset + event.charIndex;
    });
    utterance.addEventListener('end', () => {
      if (utterance !== this.#current || this.phase !== 'playing') return;
      this.#current = undefined;
      if (++this.#piece < this.#pieces.length) {
        this.#char = 0;
        this.#speak();
      } else this.#enter(this.#block + 1);
    });
    utterance.addEventListener('error', (event) => {
      // A cancel of ours (pause, another article) reports 'interrupted' or 'canceled'.
      if (utterance !== this.#current || event.error === 'interrupted' || event.error === 'canceled') return;
      console.warn(`e-paper: read aloud stopped (${event.error})`);
      this.stop();
    });
    // Whatever the engine still had queued goes first.
    this.#current = undefined;
    speech.cancel();
    this.#current = utterance;
    speech.speak(utterance);
  }

  #silence(): void {
    if (!this.#current) return;
    this.#current = undefined;
    synth()?.cancel();
  }

  #report(speaking: boolean): void {
    const article = this.article;
    if (!article) return;
    emit(this, 'e-paper-read-aloud-position', { articleId: article.id, paragraph: this.#block, rate: this.rate, speaking });
  }

  #onRate = (event: Event) => {
    this.rate = clampRate(Number((event.target as HTMLSelectElement).value));
    this.#report(this.phase === 'playing');
    // The sentence under way goes on at the new speed from its last word.
    if (this.phase === 'playing' && this.#current) this.#speak();
  };

  #toggle = () => (this.phase === 'playing' ? this.pause() : this.play());

  override render() {
    const s = aloudStrings(this.lang);
    if (!this.supported || !this.voice) {
      const language = languageName(this.textLang, this.lang);
      return html`<p part="aloud" class="reason">${muteIcon}<span>${this.supported ? s.noVoice(language) : s.unsupported}</span></p>`;
    }
    // Play and pause are one button whose name says what it does next (no aria-pressed: its name changes).
    const label = this.phase === 'playing' ? s.pause : this.phase === 'paused' ? s.resume : s.play;
    return html`<div part="aloud" class="aloud" role="group" aria-label=${s.label}>
      <button type="button" class=${this.phase === 'playing' ? 'play playing' : 'play'} title=${label} ?disabled=${!this.article} @click=${this.#toggle}>
        ${this.phase === 'playing' ? pauseIcon : playIcon}<span class="label">${label}</span>
      </button>
      <select class="rate" aria-label=${s.rate} title=${s.rate} @change=${this.#onRate}>
        ${RATES.map((rate) => html`<option value=${rate} ?selected=${rate === this.rate}>${s.rateValue(rate)}</option>`)}
      </select>
    </div>`;
  }
}
