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

/**
 * Once the exact cuts of `family` still loading are in (the cut of a page just shown, which the
 * viewer loads as it is shown): set before, its headlines would fetch the slices the cut spares.
 */
export function cutsLoaded(family: string): Promise<unknown> {
  const prefix = `${family} `;
  const loading = [...document.fonts].filter((face) => face.status === 'loading' && face.family.replace(/^"|"$/g, '').startsWith(prefix));
  return Promise.all(loading.map((face) => face.loaded.catch(() => undefined)));
}

/** Characters laid out per idle callback: a few milliseconds of shaping each. */
const SLICE = 160;
/** Characters drawn per idle callback, each in the four phases: a few milliseconds of raster, within the sample's narrow column. */
const DRAWN_SLICE = 24;
/** Body characters from the start of each article that its first screen can show (more on a tall one is a bonus). */
const FIRST_SCREEN = 480;
/**
 * How much the drawn glyphs may take of the renderer's glyph cache, in device pixels (about a byte
 * each, as masks). Chromium's cache is 1 MiB (its SmallerFontCache feature, on by default) for every
 * face and size the tab draws, and the A1 at fit already holds about 680 KiB of it once the stage's
 * layer has drawn the page again; the open reader adds about 140 KiB. A cache that overflows drops a
 * quarter of itself, whole faces at a size, the least recently used first: the warm-up's own, the
 * reader's measured glyphs, the page's. With 500,000 the click then measured and drew them again and
 * was slower than without a warm-up; 200,000 (about 180 KiB in the cache) leaves room.
 */
const DRAWN_BUDGET = 200_000;
/** Skia positions glyphs to a quarter pixel: each glyph is rastered once for each quarter it meets. */
const PHASES = [0, 0.25, 0.5, 0.75];

/** The reader's styles of text that the warm-up sets, by the class of the sample's paragraph. */
export type GlyphStyle = 'headline' | 'kicker' | 'body';

/** What the open reader sets in each style: the characters it shows in it, and which of them to draw. */
export interface GlyphSamples extends Record<GlyphStyle, string> {
  /** The characters of the articles' first screens, most used first, with their style: drawn as well as laid out. */
  drawn: [GlyphStyle, string][];
}

const paragraph = (className: string): HTMLParagraphElement => {
  const p = document.createElement('p');
  p.className = className;
  return p;
};

/** Each character of `texts` once, in the order first met. */
const distinct = (texts: (string | undefined)[]): string => [...new Set(texts.join(''))].join('');

/** The characters the reader would set for `articles`, by the style that sets them, and those of their first screens to draw. */
export function glyphSamples(articles: Article[]): GlyphSamples {
  const heads = (a: Article) => [a.banner, a.kicker, ...(a.subheads ?? [])];
  // How often each character stands in the first screens, by style: the most used are drawn first.
  const uses = new Map<string, { glyph: [GlyphStyle, string]; n: number }>();
  const count = (style: GlyphStyle, text = '') => {
    for (const c of text) {
      if (!c.trim()) continue;
      const use = uses.get(style + c) ?? { glyph: [style, c], n: 0 };
      use.n++;
      uses.set(style + c, use);
    }
  };
  for (const a of articles) {
    count('headline', a.headline);
    for (const text of heads(a)) count('kicker', text);
    count('body', a.paragraphs.join('').slice(0, FIRST_SCREEN));
  }
  const drawn = [...uses.values()].sort((a, b) => b.n - a.n).map((use) => use.glyph);
  return {
    headline: distinct(articles.map((a) => a.headline)),
    kicker: distinct(articles.flatMap(heads)),
    body: distinct(articles.flatMap((a) => a.paragraphs)),
    drawn,
  };
}

/**
 * Lays the page's characters out once at idle, in the reader's own styles, while the reader is
 * closed, and draws those of the articles' first screens. The first open of an article shapes its
 * text at the reader's sizes, and in Chinese text nearly every character is a glyph the browser
 * has not measured at those sizes (the page sets the same faces at its own, scaled sizes): that
 * was most of the layout in the click's frame (`bench/compare.mjs --click-cpu`). Laid out once at
 * the same faces, sizes, weights and language, the glyphs' metrics are in the browser's caches when
 * an article opens.
 *
 * The first frame then rasters the glyphs, each once for each quarter-pixel position the justified
 * text puts it at: most of that frame's raster (`--click-cpu`). So the characters of the first
 * screens, most used first, are also drawn, four times a quarter pixel apart, in a layer of their
 * own that is never seen (`filter: opacity(0)`, which Chromium still rasters), within a budget of
 * the glyph cache that the page's own faces share ({@link DRAWN_BUDGET}).
 *
 * The sample is `aria-hidden` and inert (never read, found or hit), one slice of characters per
 * idle callback, and goes once every slice is done; opening the reader stops it, and the rest is
 * done after it closes.
 */
export class GlyphWarmup {
  /** The characters already laid out, by sample; cleared when what sets their size changes. */
  #done: Record<GlyphStyle, Set<string>> = { headline: new Set(), kicker: new Set(), body: new Set() };
  /** How far through the characters to draw, and how much of the budget is left. */
  #drawnAt = 0;
  #budget = DRAWN_BUDGET;
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
      this.#drawnAt = 0;
      this.#budget = DRAWN_BUDGET;
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

  /** Lays out, and draws, the next slice; false once nothing is left. */
  #slice(samples: GlyphSamples, lang: string): boolean {
    const slice = { headline: '', kicker: '', body: '' };
    let left = SLICE;
    for (const name of STYLES) {
      const done = this.#done[name];
      const chars = [...samples[name]].filter((c) => !done.has(c)).slice(0, Math.max(0, left));
      for (const c of chars) done.add(c);
      slice[name] = chars.join('');
      left -= chars.length;
    }
    const more = this.#drawnAt < samples.drawn.length;
    if (left === SLICE && !more) return false;
    const sample = this.#element(lang);
    const [layout, ...phases] = sample.querySelectorAll('.text');
    fill(layout, slice);
    const drawn = more ? this.#drawnSlice(samples.drawn, layout) : { headline: '', kicker: '', body: '' };
    for (const phase of phases) fill(phase, drawn);
    // The layout now, in this idle callback, rather than in the next frame.
    void sample.offsetHeight;
    return true;
  }

  /** The next characters to draw that the budget still has room for, by style. */
  #drawnSlice(drawn: GlyphSamples['drawn'], layout: Element): Record<GlyphStyle, string> {
    const slice = { headline: '', kicker: '', body: '' };
    const ratio = globalThis.devicePixelRatio || 1;
    // A glyph's mask is about its em square, once for each phase.
    const cost = Object.fromEntries(
      STYLES.map((name, i) => [
        name,
        PHASES.length * (parseFloat(getComputedStyle(layout.querySelectorAll('p')[i]).fontSize) * ratio) ** 2,
      ]),
    ) as Record<GlyphStyle, number>;
    let taken = 0;
    while (this.#drawnAt < drawn.length && taken < DRAWN_SLICE) {
      const [style, c] = drawn[this.#drawnAt++];
      if (!(cost[style] <= this.#budget)) continue;
      this.#budget -= cost[style];
      slice[style] += c;
      taken++;
    }
    return slice;
  }

  #element(lang: string): HTMLElement {
    if (!this.#sample) {
      const sample = document.createElement('div');
      sample.className = 'reader warmup';
      sample.setAttribute('aria-hidden', 'true');
      // Drawn, though never seen: inert keeps it out of find in page and selection.
      sample.inert = true;
      for (const [name, value] of Object.entries(this.props())) sample.style.setProperty(name, value);
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
      // The text laid out only, then the drawn text at each phase, over it.
      sample.append(controls, text('layout'), ...PHASES.map((x) => text('phase', x)));
      this.root().prepend(sample);
      this.#sample = sample;
    }
    for (const text of this.#sample.querySelectorAll('.text')) text.setAttribute('lang', lang);
    return this.#sample;
  }

  #remove(): void {
    this.#sample?.remove();
    this.#sample = undefined;
  }
}

const STYLES: GlyphStyle[] = ['headline', 'kicker', 'body'];

/** The classes of the open reader's text, so that the same rules set the same fonts; a phase stands `x` px to the right. */
function text(kind: 'layout' | 'phase', x = 0): HTMLElement {
  const text = document.createElement('div');
  text.className = `text ${kind}`;
  if (kind === 'phase') text.style.left = `${x}px`;
  const body = document.createElement('div');
  body.className = 'body whole';
  body.append(document.createElement('p'));
  text.append(paragraph('headline'), paragraph('kicker'), body);
  return text;
}

/** Sets the three paragraphs of a sample's text. */
function fill(text: Element, slice: Record<GlyphStyle, string>): void {
  const [headline, kicker, body] = text.querySelectorAll('p');
  headline.textContent = slice.headline;
  kicker.textContent = slice.kicker;
  body.textContent = slice.body;
}
