import type { Article } from '../../edition/schema.js';

/**
 * The faces the reader sets a sliced role in, before its slices: the exact cuts of a page's text in
 * that role (`"<family> <page>"`, src/edition/fonts.ts) already loaded for the page shown, as CSS
 * families followed by a comma, or ''. A headline of the page is in the page's cut, the same face's
 * glyphs, so the reader and its warm-up draw it without fetching the headline slices (about 320
 * KiB for the A1) that only an opened article would need; other characters fall through to the slices.
 */
export function loadedCuts(family: string): string {
  const prefix = `${family} `;
  const cuts = new Set<string>();
  for (const face of document.fonts) {
    const name = face.family.replace(/^"|"$/g, '');
    if (face.status === 'loaded' && name.startsWith(prefix) && !name.endsWith(' stand-in')) cuts.add(`"${name}", `);
  }
  return [...cuts].join('');
}

/** Characters laid out per idle callback: a few milliseconds of shaping each. */
const SLICE = 160;

/** What the open reader sets in each style: the sample's class and the characters it shows in it. */
export type GlyphSamples = Record<'headline' | 'kicker' | 'body', string>;

const paragraph = (className: string): HTMLParagraphElement => {
  const p = document.createElement('p');
  p.className = className;
  return p;
};

/** Each character of `texts` once, in the order first met. */
const distinct = (texts: (string | undefined)[]): string => [...new Set(texts.join(''))].join('');

/** The characters the reader would set for `articles`, by the style that sets them. */
export function glyphSamples(articles: Article[]): GlyphSamples {
  return {
    headline: distinct(articles.map((a) => a.headline)),
    kicker: distinct(articles.flatMap((a) => [a.banner, a.kicker, ...(a.subheads ?? [])])),
    body: distinct(articles.flatMap((a) => a.paragraphs)),
  };
}

/**
 * Lays the page's characters out once at idle, hidden, in the reader's own styles, while the
 * reader is closed. The first open of an article shapes its text at the reader's sizes, and in
 * Chinese text nearly every character is a glyph the browser has not measured at those sizes (the
 * page sets the same faces at its own, scaled sizes): that was most of the layout in the click's
 * frame (`bench/compare.mjs --click-cpu`). Laid out once at the same faces, sizes, weights and
 * language, the glyphs' metrics are in the browser's caches when an article opens.
 *
 * The sample is `aria-hidden` and `visibility: hidden` (laid out, never painted, never read), one
 * slice of characters per idle callback, and goes once every slice is done; opening the reader
 * stops it, and the rest is done after it closes.
 */
export class GlyphWarmup {
  /** The characters already laid out, by sample; cleared when what sets their size changes. */
  #done: Record<keyof GlyphSamples, Set<string>> = { headline: new Set(), kicker: new Set(), body: new Set() };
  #key?: string;
  #samples?: GlyphSamples;
  #complete = false;
  #idle?: number;
  #sample?: HTMLElement;

  constructor(
    /** Where the sample goes: the reader's shadow root, so that its styles apply. */
    private readonly root: () => ParentNode,
    /** The reader's own custom properties (faces and text scale), as on its dialog. */
    private readonly props: () => Record<string, string>,
  ) {}

  /**
   * Lays the samples out at idle, a slice at a time. `key` names the text and what sets its sizes
   * (the page's articles, the text scale): the same key again goes on where it was, or does
   * nothing once done. `samples` is asked for at the first idle callback, not now.
   */
  warm(key: string, samples: () => GlyphSamples, lang: string): void {
    if (key === this.#key && (this.#complete || this.#idle !== undefined)) return;
    this.cancel();
    if (key !== this.#key) {
      this.#key = key;
      this.#samples = undefined;
      this.#complete = false;
      for (const done of Object.values(this.#done)) done.clear();
    }
    const idle = globalThis.requestIdleCallback;
    // Without idle callbacks (Safari), nothing: the work would land wherever a timer fell.
    if (!idle) return;
    const next = () => {
      this.#idle = idle(() => {
        this.#idle = undefined;
        this.#samples ??= samples();
        if (this.#slice(this.#samples, lang)) next();
        else {
          this.#complete = true;
          this.#remove();
        }
      });
    };
    next();
  }

  /** Stops (the reader opens, or leaves the page); what was laid out stays done. */
  cancel(): void {
    if (this.#idle !== undefined) cancelIdleCallback(this.#idle);
    this.#idle = undefined;
    this.#remove();
  }

  /** Lays out the next slice; false once nothing is left. */
  #slice(samples: GlyphSamples, lang: string): boolean {
    const slice = {} as GlyphSamples;
    let left = SLICE;
    for (const name of Object.keys(samples) as (keyof GlyphSamples)[]) {
      const done = this.#done[name];
      const chars = [...samples[name]].filter((c) => !done.has(c)).slice(0, Math.max(0, left));
      for (const c of chars) done.add(c);
      slice[name] = chars.join('');
      left -= chars.length;
    }
    if (left === SLICE) return false;
    const sample = this.#element(lang);
    const [headline, kicker, body] = sample.querySelectorAll('p');
    headline.textContent = slice.headline;
    kicker.textContent = slice.kicker;
    body.textContent = slice.body;
    // The layout now, in this idle callback, rather than in the next frame.
    void sample.offsetHeight;
    return true;
  }

  #element(lang: string): HTMLElement {
    if (!this.#sample) {
      const sample = document.createElement('div');
      sample.className = 'reader warmup';
      sample.setAttribute('aria-hidden', 'true');
      for (const [name, value] of Object.entries(this.props())) sample.style.setProperty(name, value);
      // The classes of the open reader's text: the same rules set the same fonts.
      const text = document.createElement('div');
      text.className = 'text';
      const body = document.createElement('div');
      body.className = 'body whole';
      body.append(document.createElement('p'));
      text.append(paragraph('headline'), paragraph('kicker'), body);
      // The text size buttons' signs: no edition face has U+2212, and the search for a system
      // face that has it (through every family of the body's stack) was the rest of that layout.
      const controls = document.createElement('div');
      controls.className = 'text-size';
      for (const size of ['smaller', 'larger']) {
        const button = document.createElement('button');
        button.className = size;
        button.disabled = true;
        const sign = document.createElement('span');
        sign.className = 'sign';
        sign.textContent = '\u2212+';
        button.append('A', sign);
        controls.append(button);
      }
      sample.append(controls, text);
      this.root().prepend(sample);
      this.#sample = sample;
    }
    this.#sample.querySelector('.text')!.setAttribute('lang', lang);
    return this.#sample;
  }

  #remove(): void {
    this.#sample?.remove();
    this.#sample = undefined;
  }
}
