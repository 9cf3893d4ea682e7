/**
 * The UI font (src/i18n/ui-font-*.woff2, made by scripts/ui-font.mjs): its character map covers
 * every character of every built-in language's UI strings; the viewer registers it as the last
 * face of its UI stack, which loads it only when an earlier face lacks a character; drawn in that
 * stack, no character of any built-in language is the missing-glyph box; and each build (the ES
 * bundle, the one-file script, the package) finds the file beside it, under a strict CSP too.
 * The first test must run before anything on this page has loaded the face.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import type { Edition } from '../src/edition/schema.js';
import { UI_FONT_FILE, UI_FONT_RANGE } from '../src/i18n/ui-font-file.js';
import { UI_FONT_FAMILY } from '../src/i18n/ui-font.js';
import { BUILT_IN_TAGS, UI_SYMBOLS, uiFontChars, uiTexts } from '../scripts/ui-text.js';
import { multiPageEdition } from '../scripts/editions-from-a1.js';
import { A1_URL, deepQuery, loadA1, mountViewer, until } from './helpers.js';
import { NO_GLYPH, drawing, systemHasCjk, uiFace } from './ui-font-probe.js';

const FONT_URL = new URL(`../src/i18n/${UI_FONT_FILE}`, import.meta.url).href;
const COVERAGE_URL = new URL('../src/i18n/ui-font.json', import.meta.url).href;

/** Code points of a CSS unicode-range. */
const inRange = (range: string, cp: number) =>
  range.split(',').some((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return cp >= parseInt(from, 16) && cp <= parseInt(to ?? from, 16);
  });

describe('the UI font', () => {
  it('is registered by the viewer and loads nothing while an earlier face of the stack covers the text', async () => {
    // A face that covers the UI strings, given as the site's --e-paper-font-ui: as a system with
    // CJK fonts would. (The same file under another name: the test needs its coverage, not its look.)
    const covering = new FontFace('ui-font-test-covering', `url("${FONT_URL}")`);
    document.fonts.add(covering);
    await covering.load();
    const el = await mountViewer<EPaper>((e) => {
      e.src = A1_URL;
      e.style.setProperty('--e-paper-font-ui', 'ui-font-test-covering, system-ui');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(uiFace(), 'registered').to.exist;
    expect(uiFace()!.status, 'never loaded').to.equal('unloaded');
    // The viewer did show CJK text in that stack.
    expect(deepQuery(el, '.search-toggle')!.textContent!.trim()).to.equal('搜索');
    el.remove();
    document.fonts.delete(covering);
  });

  it('is the face the viewer draws its UI text with where the system has no CJK font', async function () {
    const el = await mountViewer<EPaper>((e) => {
      e.lang = 'zh-TW';
      e.src = A1_URL;
    });
    const toolbar = el.shadowRoot!.querySelector('e-paper-toolbar')!;
    const family = getComputedStyle(toolbar).fontFamily;
    expect(family, 'in the UI stack').to.contain(`"${UI_FONT_FAMILY}"`);
    expect(family.indexOf(UI_FONT_FAMILY), 'after the site’s and the systems’ faces').to.be.above(family.indexOf('system-ui'));
    el.remove();
    if (systemHasCjk()) this.skip(); // the system's faces cover the text: nothing to load
    expect(uiFace()!.status, 'loaded for the text').to.equal('loaded');
    const fetched = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(fetched).to.include(new URL(FONT_URL).pathname);
  });

  it("draws every character of every built-in language's UI strings with a glyph, in the viewer's UI font stack", async function () {
    const el = await mountViewer<EPaper>((e) => (e.src = A1_URL));
    const font = `32px ${getComputedStyle(el.shadowRoot!.querySelector('e-paper-toolbar')!).fontFamily}`;
    el.remove();
    const missingGlyph = drawing(font, NO_GLYPH);
    const missing: string[] = [];
    let checked = 0;
    for (const [language, tags] of Object.entries(BUILT_IN_TAGS)) {
      for (const tag of tags) {
        const chars = new Set([...(await uiTexts(tag)).join(''), ...UI_SYMBOLS].filter((char) => !/[\s\p{Cc}\p{Cf}]/u.test(char)));
        await document.fonts.load(font, [...chars].join(''));
        for (const char of chars) {
          checked++;
          if (drawing(font, char) === missingGlyph)
            missing.push(`${language} (${tag}): ${char} U+${char.codePointAt(0)!.toString(16).toUpperCase()}`);
        }
      }
    }
    expect(checked).to.be.above(400);
    expect(missing, 'characters drawn as the missing-glyph box').to.deep.equal([]);
    // The check can fail: a character the UI font lacks is the box, where no system font has it.
    if (systemHasCjk()) this.skip();
    expect(drawing(font, '龘'), 'a character outside the UI strings').to.equal(missingGlyph);
  });

  it("draws the edition's headlines and kickers in the list and the search with the edition's faces where the system has no CJK font", async function () {
    const el = await mountViewer<EPaper>((e) => (e.src = A1_URL));
    // The list and the search panel take the toolbar's face (they are its children).
    const family = getComputedStyle(el.shadowRoot!.querySelector('e-paper-toolbar')!).fontFamily;
    const edition = (await (await fetch(A1_URL)).json()) as Edition;
    el.remove();
    expect(family, 'the edition’s faces close the stack').to.contain(`"e-paper ${edition.id} headline"`);
    const font = `32px ${family}`;
    const text = edition.articles.flatMap((a) => [a.headline, a.kicker ?? '', a.banner ?? '']).join('');
    const chars = new Set([...text].filter((char) => !/[\s\p{Cc}\p{Cf}]/u.test(char)));
    await document.fonts.load(font, [...chars].join(''));
    const missingGlyph = drawing(font, NO_GLYPH);
    const missing = [...chars].filter((char) => drawing(font, char) === missingGlyph);
    expect(chars.size).to.be.above(100);
    expect(missing, 'characters drawn as the missing-glyph box').to.deep.equal([]);
  });

  it("draws the page strip's sections (edition text) with the edition's faces where the system has no CJK font", async () => {
    const edition = multiPageEdition(await loadA1(), 3, { fontBase: A1_URL });
    const el = await mountViewer<EPaper>((e) => (e.edition = edition));
    await until(() => !!deepQuery(el, 'e-paper-pages', 'button[part="page-thumb"]'), 'the page strip');
    const thumb = deepQuery(el, 'e-paper-pages', 'button[part="page-thumb"]')!;
    const family = getComputedStyle(thumb).fontFamily;
    el.remove();
    expect(family, 'the edition’s faces close the stack').to.contain(`"e-paper ${edition.id} headline"`);
    const font = `32px ${family}`;
    const chars = new Set([...edition.pages[0].section!].filter((char) => !/[\s\p{Cc}\p{Cf}]/u.test(char)));
    await document.fonts.load(font, [...chars].join(''));
    const missingGlyph = drawing(font, NO_GLYPH);
    expect([...chars].filter((char) => drawing(font, char) === missingGlyph).join(''), 'drawn as the missing-glyph box').to.equal('');
  });

  it("covers in its character map every character of every built-in language's strings, within the range the viewer declares", async () => {
    const coverage = (await (await fetch(COVERAGE_URL)).json()) as { file: string; bytes: number; characters: string };
    expect(coverage.file, 'the coverage is of the shipped file').to.equal(UI_FONT_FILE);
    const bytes = await (await fetch(FONT_URL)).arrayBuffer();
    expect(bytes.byteLength).to.equal(coverage.bytes);
    // The file's name carries its hash: the coverage file and the font were written together.
    const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(UI_FONT_FILE).to.equal(`ui-font-${hash.slice(0, 8)}.woff2`);
    const covered = new Set(Array.from(coverage.characters));
    const chars = await uiFontChars();
    expect(chars.length).to.be.above(200);
    expect(chars.filter((char) => !covered.has(char)).join(''), 'characters the font lacks (npm run fonts:ui)').to.equal('');
    expect(chars.filter((char) => !inRange(UI_FONT_RANGE, char.codePointAt(0)!)).join(''), 'outside the declared range').to.equal('');
    // 52.9 KiB with the names of the languages read aloud may name (scripts/ui-text.ts NAMED_LANGUAGES)
    // and every part's strings (the overview, full screen, text view, offline and "more" menu ones
    // added 2.3 KiB).
    expect(bytes.byteLength, 'small').to.be.below(54 * 1024);
  });
});

describe('the UI font in the builds', () => {
  /** A page in an iframe; resolves with its viewer once ready. */
  async function framed(setup: (frame: HTMLIFrameElement) => void) {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 640px; border: 0';
    setup(frame);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    await until(() => !!frame.contentDocument!.querySelector('e-paper')?.shadowRoot?.querySelector('e-paper-page'), 'the viewer ready');
    return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Window & typeof globalThis & { cspViolations?: string[] } };
  }

  /** Loads the UI font face of the framed page (on a machine with CJK fonts the viewer would not) and names the file it fetched. */
  async function fontFetched(doc: Document, win: Window & typeof globalThis): Promise<string | undefined> {
    const face = uiFace(doc);
    expect(face, 'registered').to.exist;
    await face!.load();
    expect(face!.status).to.equal('loaded');
    return win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .find((path) => path.endsWith(UI_FONT_FILE));
  }

  it('the ES bundle finds it in e-paper-parts/ beside it, under a strict CSP too', async () => {
    const bare = await framed((frame) => (frame.src = new URL('../demo/bare.html', import.meta.url).href));
    expect(await fontFetched(bare.doc, bare.win)).to.equal(`/dist/e-paper-parts/${UI_FONT_FILE}`);
    bare.frame.remove();
    const hostile = await framed((frame) => (frame.src = new URL('../demo/hostile.html', import.meta.url).href));
    expect(await fontFetched(hostile.doc, hostile.win)).to.equal(`/dist/e-paper-parts/${UI_FONT_FILE}`);
    expect(hostile.win.cspViolations, 'font-src allows it').to.deep.equal([]);
    hostile.frame.remove();
  });

  it('the one-file script finds it beside itself, by the URL it had while it ran', async () => {
    const page = await framed(
      (frame) =>
        (frame.srcdoc = `<!doctype html><script src="/dist/e-paper.iife.js"></script><e-paper lang="zh-TW" no-persist src="${A1_URL}"></e-paper>`),
    );
    expect(await fontFetched(page.doc, page.win)).to.equal(`/dist/e-paper-parts/${UI_FONT_FILE}`);
    page.frame.remove();
  });

  it('the package finds it beside its module (the pattern a bundler copies)', async () => {
    const page = await framed(
      (frame) =>
        (frame.srcdoc = `<!doctype html><script type="module">import '/dist/lib/index.js';</script><e-paper no-persist src="${A1_URL}"></e-paper>`),
    );
    expect(await fontFetched(page.doc, page.win)).to.equal(`/dist/lib/i18n/${UI_FONT_FILE}`);
    page.frame.remove();
  });
});
