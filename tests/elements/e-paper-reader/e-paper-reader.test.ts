import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';
import { EPaperReader } from '../../../src/elements/e-paper-reader/e-paper-reader.js';
import { articleLink, clampTextScale } from '../../../src/elements/e-paper-reader/reader-helpers.js';
import { isTextField } from '../../../src/internal/focus.js';
import { safeHttpUrl as photoUrl } from '../../../src/edition/urls.js';
import { articlesOnPage } from '../../../src/edition/regions.js';
import { loadEditionFonts } from '../../../src/edition/fonts.js';
import type { Edition } from '../../../src/edition/schema.js';
import { A1_URL, loadA1, nextEvent } from '../../helpers.js';
import { TOKENS } from '../../../src/internal/styles/tokens.js';
import { rgba } from '../../colour.js';

if (!customElements.get('e-paper-reader')) customElements.define('e-paper-reader', EPaperReader);

const axe = (window as unknown as { axe: typeof AxeCore }).axe;

let edition: Edition;
/** Reading order of the A1 page (the order of its regions). */
let order: string[];

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dialogOf = (reader: EPaperReader) => reader.shadowRoot!.querySelector('dialog')!;
const $ = <T extends Element = HTMLElement>(reader: EPaperReader, selector: string) =>
  reader.shadowRoot!.querySelector<T & Element>(selector)!;
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** Waits for the open transition (if any) to end. */
async function settled(reader: EPaperReader): Promise<void> {
  await reader.updateComplete;
  await frame();
  await Promise.all(
    dialogOf(reader)
      .getAnimations({ subtree: true })
      .map((animation) => animation.finished.catch(() => undefined)),
  );
}

/** An open reader on `articleId`, with an owner that follows navigate requests when `follow`. */
async function openReader(articleId: string, options: { lang?: string; follow?: boolean } = {}): Promise<EPaperReader> {
  const reader = await fixture<EPaperReader>(
    html`<e-paper-reader .edition=${edition} .articleIds=${order} page-label="A1" article-id=${articleId} lang=${options.lang ?? 'zh-CN'}></e-paper-reader>`,
  );
  if (options.follow) {
    reader.addEventListener('e-paper-reader-navigate', (event) => (reader.articleId = event.detail.articleId));
  }
  reader.open = true;
  await settled(reader);
  return reader;
}

/** Clicks the middle of an element with the real mouse. */
async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** Counts the `name` events fired at `target`. */
function count<T>(target: EventTarget, name: string): CustomEvent<T>[] {
  const seen: CustomEvent<T>[] = [];
  target.addEventListener(name, (event) => seen.push(event as CustomEvent<T>));
  return seen;
}

before(async () => {
  edition = await loadA1();
  order = articlesOnPage(edition, edition.pages[0]).map((article) => article.id);
  // The reader always sits in a viewer, which registers the edition's fonts with the document:
  // without them the article's text would be drawn in whatever the machine has (or in boxes
  // whose width depends on its Latin fonts), and the scrolling tests would measure that.
  await loadEditionFonts(edition, A1_URL);
  const faces = [...document.fonts].filter((face) => face.family.includes(edition.id));
  expect(faces, "the edition's fonts").not.to.be.empty;
  expect(
    faces.map((face) => face.status),
    "the edition's fonts",
  ).to.deep.equal(faces.map(() => 'loaded'));
  await setViewport({ width: 1280, height: 900 });
});

afterEach(async () => {
  await resetMouse();
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('<e-paper-reader>: content', () => {
  it('reads the nine articles of the page in the edition order', () => {
    expect(order).to.have.length(9);
    expect(new Set(order)).to.deep.equal(new Set(edition.articles.map((a) => a.id)));
  });

  it('shows every paragraph of every article, whole and in order', async () => {
    const reader = await openReader(order[0]);
    for (const id of order) {
      reader.articleId = id;
      await reader.updateComplete;
      const article = edition.articles.find((a) => a.id === id)!;
      const shown = [...reader.shadowRoot!.querySelectorAll('[part~="body"] > p')].map((p) => p.textContent);
      expect(shown, id).to.deep.equal(article.paragraphs);
      expect($(reader, '[part~="headline"]').textContent, id).to.equal(article.headline);
      expect($(reader, '[part~="content"]').getAttribute('lang')).to.equal(edition.lang);
    }
  });

  const PARTS =
    '[part~="banner"], [part~="kicker"], [part~="headline"], [part~="subhead"], [part~="bylines"], [part~="photo"], [part~="body"]';
  const partsOf = (reader: EPaperReader) =>
    [...reader.shadowRoot!.querySelectorAll<HTMLElement>(PARTS)].map((el) => ({
      name: el.getAttribute('part')!,
      box: el.getBoundingClientRect(),
    }));

  it('sets a6 as the page does: banner, headline, bylines, photo, body, top to bottom', async () => {
    const reader = await openReader('a6');
    const parts = partsOf(reader);
    expect(parts.map((p) => p.name)).to.deep.equal(['banner', 'headline', 'bylines', 'photo', 'body']);
    for (let i = 1; i < parts.length; i++) expect(parts[i].box.top, parts[i].name).to.be.at.least(parts[i - 1].box.bottom - 1);
    expect($(reader, '[part~="banner"]').textContent).to.equal('崛起大湘东 擦亮湘赣红');
    const bylines = [...$(reader, '[part~="bylines"]').querySelectorAll('p')].map((p) => p.textContent);
    expect(bylines).to.deep.equal(edition.articles.find((a) => a.id === 'a6')!.bylines);
  });

  it('sets a3 with its kicker above the headline, and a2 with subheads below', async () => {
    const reader = await openReader('a3');
    let parts = partsOf(reader);
    expect(parts.map((p) => p.name)).to.deep.equal(['kicker', 'headline', 'bylines', 'body']);
    for (let i = 1; i < parts.length; i++) expect(parts[i].box.top).to.be.at.least(parts[i - 1].box.bottom - 1);
    expect($(reader, '[part~="kicker"]').textContent).to.equal('毛腾飞飞到株洲市浙江商会调研时强调');
    reader.articleId = 'a2';
    await reader.updateComplete;
    parts = partsOf(reader);
    expect(parts.map((p) => p.name)).to.deep.equal(['headline', 'subhead', 'subhead', 'body']);
  });

  it('collapses a photo without a file to its caption, noting that the photo is missing', async () => {
    const reader = await openReader('a6');
    const figure = $(reader, '[part~="photo"]');
    expect(figure.querySelector('img')).to.equal(null);
    expect(figure.querySelector('.note')!.textContent!.trim()).to.equal('图片暂缺');
    expect(figure.querySelector('.caption')!.textContent).to.equal('国声声学生产车间，工人们正在生产耳机。');
    expect(figure.querySelector('.credit')!.textContent).to.equal('钟勇 供图');
    // The caption's height, not a picture's: a 1.5 photo across the column would be two thirds as tall as wide.
    const box = figure.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(figure.querySelector('figcaption')!).lineHeight);
    expect(box.height).to.be.at.most(3 * lineHeight);
    expect(box.height).to.be.below(box.width / 1.5 / 3);
  });

  it('loads a photo file lazily, and falls back to the caption with its note when it fails', async () => {
    const own = structuredClone(edition);
    own.articles.find((a) => a.id === 'a6')!.photos![0].src = '/demo/index.html'; // not an image: fails to decode
    const reader = await openReader('a6');
    reader.edition = own;
    await reader.updateComplete;
    const img = $(reader, '[part~="photo"] img') as HTMLImageElement;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.src).to.equal(new URL('/demo/index.html', document.baseURI).href);
    expect(img.alt).to.equal('国声声学生产车间，工人们正在生产耳机。');
    await new Promise((resolve) => (img.complete ? resolve(null) : img.addEventListener('error', resolve, { once: true })));
    await reader.updateComplete;
    expect($(reader, '[part~="photo"] img')).to.equal(null);
    expect($(reader, '[part~="photo"] .note')).to.exist;
  });

  it('never loads a photo from a scheme other than http(s)', () => {
    expect(photoUrl('javascript:alert(1)', 'https://x.test/')).to.equal(undefined);
    expect(photoUrl('data:image/png;base64,AAAA', 'https://x.test/')).to.equal(undefined);
    expect(photoUrl('img/a.jpg', 'https://x.test/ed/e.json')).to.equal('https://x.test/ed/img/a.jpg');
    expect(photoUrl(undefined, 'https://x.test/')).to.equal(undefined);
  });

  it('shows the page label and the position in the reading order', async () => {
    const reader = await openReader(order[5]);
    const header = $(reader, '[part~="header"]');
    expect(header.querySelector('.page-label')!.textContent).to.equal('\u2068A1\u2069 版');
    expect(header.querySelector('.position [aria-hidden]')!.textContent).to.equal('6 / 9');
    expect(header.querySelector('.position .visually-hidden')!.textContent).to.equal('第 6 篇，共 9 篇');
    // UI text (版) in the headline's face: the UI stack follows, for an edition in Latin type.
    const family = getComputedStyle(header.querySelector('.page-label')!).fontFamily;
    expect(family.indexOf('"e-paper UI"'), 'the UI font after the headline face').to.be.above(family.indexOf('headline'));
  });

  it('says so, without breaking, for an unknown article', async () => {
    const reader = await openReader('nope');
    expect($(reader, '.notice').textContent).to.contain('nope');
    expect(($(reader, '.next') as HTMLButtonElement).disabled).to.equal(true);
    expect(($(reader, '.previous') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('lets the reader select the text', async () => {
    const reader = await openReader('a1');
    const p = $(reader, '[part~="body"] > p');
    expect(getComputedStyle(p).userSelect).to.equal('text');
    const range = document.createRange();
    range.selectNodeContents(p);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selection.toString()).to.equal(edition.articles[0].paragraphs[0]);
    selection.removeAllRanges();
  });
});

describe('<e-paper-reader>: previous and next', () => {
  it('asks for the neighbours with the buttons, and the owner walks all nine articles', async () => {
    const reader = await openReader(order[0], { follow: true });
    const asked = count<{ articleId: string; direction: string }>(reader, 'e-paper-reader-navigate');
    const previous = $(reader, '.previous') as HTMLButtonElement;
    const next = $(reader, '.next') as HTMLButtonElement;
    expect(previous.disabled).to.equal(true);
    for (let i = 1; i < order.length; i++) {
      await click(next);
      await reader.updateComplete;
      expect(reader.articleId).to.equal(order[i]);
    }
    expect(asked.map((e) => e.detail.articleId)).to.deep.equal(order.slice(1));
    // Internal: it bubbles, but stops at the viewer's shadow root (src/events/events.ts).
    expect(asked.every((e) => e.detail.direction === 'next' && e.bubbles && !e.composed)).to.equal(true);
    expect(next.disabled).to.equal(true);
    expect($(reader, '.position [aria-hidden]').textContent).to.equal('9 / 9');
    // Focus does not fall out of the dialog when the button it was on is disabled.
    expect(dialogOf(reader).contains(deepActive())).to.equal(true);
    await click(next);
    expect(asked.length).to.equal(order.length - 1);
    await click(previous);
    await reader.updateComplete;
    expect(asked.at(-1)!.detail).to.deep.equal({ articleId: order[7], direction: 'previous' });
    expect(reader.articleId).to.equal(order[7]);
  });

  it('does not change the article itself: the owner does', async () => {
    const reader = await openReader(order[2]);
    const asked = nextEvent<{ articleId: string }>(reader, 'e-paper-reader-navigate');
    await click($(reader, '.next'));
    expect((await asked).detail.articleId).to.equal(order[3]);
    await reader.updateComplete;
    expect(reader.articleId).to.equal(order[2]);
  });

  it('moves with ← and →, and stops at the ends', async () => {
    const reader = await openReader(order[1], { follow: true });
    const asked = count<{ articleId: string }>(reader, 'e-paper-reader-navigate');
    await sendKeys({ press: 'ArrowRight' });
    await reader.updateComplete;
    expect(reader.articleId).to.equal(order[2]);
    await sendKeys({ press: 'ArrowLeft' });
    await reader.updateComplete;
    await sendKeys({ press: 'ArrowLeft' });
    await reader.updateComplete;
    expect(reader.articleId).to.equal(order[0]);
    await sendKeys({ press: 'ArrowLeft' });
    await reader.updateComplete;
    expect(asked.map((e) => e.detail.articleId)).to.deep.equal([order[2], order[1], order[0]]);
    reader.articleId = order[8];
    await reader.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    expect(asked.length).to.equal(3);
  });

  it('leaves ← and → to text fields', () => {
    const input = document.createElement('input');
    const button = document.createElement('input');
    button.type = 'button';
    expect(isTextField(input)).to.equal(true);
    expect(isTextField(document.createElement('textarea'))).to.equal(true);
    expect(isTextField(button)).to.equal(false);
    expect(isTextField(document.createElement('h2'))).to.equal(false);
  });
});

describe('<e-paper-reader>: closing and focus', () => {
  it('moves focus into the dialog on open, onto the headline', async () => {
    const reader = await openReader('a3');
    expect(dialogOf(reader).matches(':modal')).to.equal(true);
    expect(deepActive()).to.equal($(reader, '#headline'));
    expect(dialogOf(reader).getAttribute('aria-labelledby')).to.equal('headline');
    expect(reader.hasAttribute('open')).to.equal(true);
  });

  for (const reason of ['escape', 'button', 'backdrop'] as const) {
    it(`closes with ${reason === 'escape' ? 'Esc' : `the ${reason}`}, fires the close event once, and focus returns to the opener`, async () => {
      const opener = await fixture<HTMLButtonElement>(html`<button>open</button>`);
      opener.focus();
      const reader = await openReader('a3');
      const closed = count<{ articleId: string; reason: string }>(document, 'e-paper-reader-close');
      if (reason === 'escape') await sendKeys({ press: 'Escape' });
      if (reason === 'button') await click($(reader, '.close'));
      if (reason === 'backdrop') await sendMouse({ type: 'click', position: [20, 450] });
      await sleep(100);
      expect(closed.map((e) => e.detail)).to.deep.equal([{ articleId: 'a3', reason }]);
      expect(closed[0].composed, 'internal: not composed').to.equal(false);
      expect(reader.open).to.equal(false);
      expect(reader.hasAttribute('open')).to.equal(false);
      expect(dialogOf(reader).open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });
  }

  it('does not close for a click inside, nor for a text selection dragged out onto the backdrop', async () => {
    const reader = await openReader('a3');
    const closed = count(reader, 'e-paper-reader-close');
    const p = $(reader, '[part~="body"] > p').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(p.left + 40), Math.round(p.top + 10)] });
    await sendMouse({ type: 'move', position: [Math.round(p.left + 20), Math.round(p.top + 10)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(p.left + 200), Math.round(p.top + 40)] });
    await sendMouse({ type: 'move', position: [20, Math.round(p.top + 60)] });
    await sendMouse({ type: 'up' });
    await sleep(100);
    expect(closed.length).to.equal(0);
    expect(reader.open).to.equal(true);
  });

  it('closes without an event when the owner sets open to false', async () => {
    const reader = await openReader('a3');
    const closed = count(reader, 'e-paper-reader-close');
    reader.open = false;
    await reader.updateComplete;
    await sleep(50);
    expect(dialogOf(reader).open).to.equal(false);
    expect(closed.length).to.equal(0);
    reader.open = true;
    await settled(reader);
    expect(dialogOf(reader).matches(':modal')).to.equal(true);
  });

  it('reports a close by the browser itself (Esc without a cancel event) as escape', async () => {
    const reader = await openReader('a3');
    const closed = count<{ reason: string }>(reader, 'e-paper-reader-close');
    dialogOf(reader).close();
    await sleep(50);
    expect(closed.map((e) => e.detail.reason)).to.deep.equal(['escape']);
    expect(reader.open).to.equal(false);
  });

  it('stays open, as a modal, when moved in the document', async () => {
    const reader = await openReader('a3');
    const closed = count(reader, 'e-paper-reader-close');
    const other = await fixture<HTMLDivElement>(html`<div></div>`);
    other.append(reader);
    await reader.updateComplete;
    await sleep(50);
    expect(reader.open).to.equal(true);
    expect(dialogOf(reader).matches(':modal')).to.equal(true);
    expect(closed.length).to.equal(0);
    expect(getComputedStyle(document.documentElement).overflowY).to.equal('hidden');
    reader.open = false;
    await reader.updateComplete;
    expect(getComputedStyle(document.documentElement).overflowY).not.to.equal('hidden');
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const reader = await openReader('a3');
    const dialog = dialogOf(reader);
    const visited = new Set<Element>();
    for (let i = 0; i < 30; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect(active && dialog.contains(active), `Tab ${i + 1}: ${active?.outerHTML.slice(0, 60)}`).to.equal(true);
      visited.add(active!);
    }
    for (let i = 0; i < 30; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      const active = deepActive();
      expect(active && dialog.contains(active), `Shift+Tab ${i + 1}: ${active?.outerHTML.slice(0, 60)}`).to.equal(true);
      visited.add(active!);
    }
    expect(visited.has(before)).to.equal(false);
    // Every control is reached: A− A A+ (A is disabled at 1), copy, close, the article, previous, next.
    expect(visited.has($(reader, '.close'))).to.equal(true);
    expect(visited.has($(reader, '.next'))).to.equal(true);
    expect(visited.has($(reader, '.scroller'))).to.equal(true);
  });
});

describe('<e-paper-reader>: text size', () => {
  it('changes the body size in steps, within 0.8 to 1.8, fires an event, and keeps it for the next article', async () => {
    const reader = await openReader('a3');
    const events = count<{ textScale: number }>(reader, 'e-paper-reader-text-scale');
    const size = () => parseFloat(getComputedStyle($(reader, '[part~="body"] > p')).fontSize);
    const base = size();
    expect(base).to.equal(18);
    const larger = $(reader, '.larger') as HTMLButtonElement;
    const smaller = $(reader, '.smaller') as HTMLButtonElement;
    const reset = $(reader, '.reset') as HTMLButtonElement;
    expect(reset.disabled).to.equal(true);
    await click(larger);
    await reader.updateComplete;
    expect(reader.textScale).to.equal(1.1);
    expect(size()).to.be.closeTo(base * 1.1, 0.05);
    expect(events.map((e) => e.detail.textScale)).to.deep.equal([1.1]);
    for (let i = 0; i < 9; i++) {
      await click(larger);
      await reader.updateComplete;
    }
    expect(reader.textScale).to.equal(1.8);
    expect(larger.disabled).to.equal(true);
    expect(size()).to.be.closeTo(base * 1.8, 0.05);
    expect(events.map((e) => e.detail.textScale)).to.deep.equal([1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8]);
    reader.articleId = 'a6';
    await reader.updateComplete;
    expect(size()).to.be.closeTo(base * 1.8, 0.05);
    await click(reset);
    await reader.updateComplete;
    expect(size()).to.equal(base);
    for (let i = 0; i < 4; i++) {
      await click(smaller);
      await reader.updateComplete;
    }
    expect(reader.textScale).to.equal(0.8);
    expect(smaller.disabled).to.equal(true);
    expect(size()).to.be.closeTo(base * 0.8, 0.05);
    expect(events.map((e) => e.detail.textScale).slice(-3)).to.deep.equal([1, 0.9, 0.8]);
  });

  it('clamps a scale set from outside to the range and the step', async () => {
    expect(clampTextScale(5)).to.equal(1.8);
    expect(clampTextScale(0.1)).to.equal(0.8);
    expect(clampTextScale(1.26)).to.equal(1.3);
    expect(clampTextScale(Number.NaN)).to.equal(1);
    const reader = await openReader('a3');
    reader.textScale = 3;
    await reader.updateComplete;
    expect(reader.textScale).to.equal(1.8);
  });
});

describe('<e-paper-reader>: layout', () => {
  it('is a centred column of about 38em with a leading of 1.9 and indented Chinese paragraphs on a wide screen', async () => {
    const reader = await openReader('a3');
    const dialog = dialogOf(reader);
    const box = dialog.getBoundingClientRect();
    const em = parseFloat(getComputedStyle(dialog).fontSize);
    expect(box.width / em).to.be.closeTo(38, 0.5);
    expect(box.left).to.be.closeTo((1280 - box.width) / 2, 1);
    expect(box.top).to.be.greaterThan(0);
    const p = getComputedStyle($(reader, '[part~="body"] > p'));
    expect(parseFloat(p.lineHeight) / parseFloat(p.fontSize)).to.be.closeTo(1.9, 0.01);
    expect(parseFloat(p.textIndent) / parseFloat(p.fontSize)).to.be.closeTo(2, 0.01);
    expect(getComputedStyle($(reader, '.scroller')).overscrollBehaviorY).to.equal('contain');
  });

  it('keeps the page behind still: the root is locked while open, and keys scroll the article', async () => {
    const tall = await fixture<HTMLDivElement>(html`<div style="height: 5000px"></div>`);
    const root = document.documentElement;
    root.style.setProperty('overflow', 'auto');
    try {
      const reader = await openReader(order[1]);
      expect(getComputedStyle(root).overflowY).to.equal('hidden');
      $(reader, '.close').focus();
      const scroller = $(reader, '.scroller');
      await sendKeys({ press: 'PageDown' });
      await frame();
      expect(window.scrollY).to.equal(0);
      expect(scroller.scrollTop).to.be.greaterThan(200);
      await sendKeys({ press: 'End' });
      await frame();
      expect(scroller.scrollTop).to.be.closeTo(scroller.scrollHeight - scroller.clientHeight, 1);
      await sendKeys({ press: 'Home' });
      await frame();
      expect(scroller.scrollTop).to.equal(0);
      expect(window.scrollY).to.equal(0);
      reader.open = false;
      await reader.updateComplete;
      expect(root.style.getPropertyValue('overflow')).to.equal('auto');
      expect(root.style.getPropertyValue('scrollbar-gutter')).to.equal('');
    } finally {
      root.style.removeProperty('overflow');
      tall.remove();
    }
  });

  it('is a full-screen sheet on a phone, even inside a contained, transformed box', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="contain: content; transform: scale(0.5); width: 100px; height: 100px; overflow: hidden"></div>`,
      );
      const reader = document.createElement('e-paper-reader') as EPaperReader;
      Object.assign(reader, { edition, articleIds: order, articleId: 'a6', pageLabel: 'A1' });
      wrapper.append(reader);
      reader.open = true;
      await settled(reader);
      const box = dialogOf(reader).getBoundingClientRect();
      expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 390, 844]);
      const header = $(reader, '[part~="header"]').getBoundingClientRect();
      expect(header.right).to.be.at.most(390);
      const next = $(reader, '.next').getBoundingClientRect();
      expect(next.bottom).to.be.at.most(844);
      // No line of the article is wider than the screen.
      const scroller = $(reader, '.scroller');
      expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });

  it('opens with a short rise, and without it when motion is reduced', async () => {
    let reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} article-id="a1"></e-paper-reader>`);
    reader.open = true;
    await reader.updateComplete;
    expect(dialogOf(reader).getAnimations().length).to.be.greaterThan(0);
    reader.open = false;
    await emulateMedia({ reducedMotion: 'reduce' });
    reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} article-id="a1"></e-paper-reader>`);
    reader.open = true;
    await reader.updateComplete;
    expect(dialogOf(reader).getAnimations().length).to.equal(0);
  });

  it('fades the veil and rises the sheet by opacity and translate alone, which the compositor animates', async () => {
    const reader = await fixture<EPaperReader>(html`<e-paper-reader .edition=${edition} article-id="a1"></e-paper-reader>`);
    reader.open = true;
    await reader.updateComplete;
    const animations = dialogOf(reader).getAnimations({ subtree: true }) as CSSTransition[];
    const veil = animations.filter((a) => (a.effect as KeyframeEffect).pseudoElement === '::backdrop');
    expect(veil.map((a) => a.transitionProperty)).to.deep.equal(['opacity']);
    expect(animations.map((a) => a.transitionProperty).sort()).to.deep.equal(['opacity', 'opacity', 'translate']);
    await Promise.all(animations.map((a) => a.finished));
    expect(getComputedStyle(dialogOf(reader), '::backdrop').backgroundColor, 'the veil as before').to.equal('rgba(20, 18, 14, 0.62)');
    expect(getComputedStyle(dialogOf(reader), '::backdrop').opacity).to.equal('1');
    reader.open = false;
  });

  it('turns to dark paper with the system, and the theme attribute overrides it', async () => {
    const reader = await openReader('a3');
    const paper = () => getComputedStyle(dialogOf(reader)).backgroundColor;
    const light = paper();
    expect(light).to.equal('rgb(251, 248, 241)');
    await emulateMedia({ colorScheme: 'dark' });
    const dark = paper();
    // The page's dark paper, as the token table gives it (the reader's follows it).
    expect(rgba(dark)).to.deep.equal(rgba(TOKENS.find(([name]) => name === 'paper')![2]));
    reader.theme = 'light';
    await reader.updateComplete;
    expect(paper()).to.equal(light);
    await emulateMedia({ colorScheme: 'light' });
    reader.theme = 'dark';
    await reader.updateComplete;
    expect(paper()).to.equal(dark);
  });

  it('takes the theme knobs from the host page', async () => {
    const reader = await openReader('a6');
    reader.style.setProperty('--e-paper-reader-paper', 'rgb(255, 255, 255)');
    reader.style.setProperty('--e-paper-spot', 'rgb(0, 0, 128)');
    reader.style.setProperty('--e-paper-reader-width', '30em');
    reader.style.setProperty('--e-paper-font-body', 'serif');
    const dialog = dialogOf(reader);
    expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle($(reader, '[part~="banner"]')).backgroundColor).to.equal('rgb(0, 0, 128)');
    expect(dialog.getBoundingClientRect().width).to.be.closeTo(30 * 18, 1);
    expect(getComputedStyle($(reader, '[part~="body"]')).fontFamily).to.equal('serif');
  });

  it('uses the edition fonts by default', async () => {
    const own = structuredClone(edition);
    own.fonts = [{ role: 'body', src: 'body.woff2' }];
    const reader = await openReader('a3');
    reader.edition = own;
    await reader.updateComplete;
    expect(getComputedStyle($(reader, '[part~="body"]')).fontFamily).to.contain(`"e-paper ${own.id} body"`);
    expect(getComputedStyle($(reader, '[part~="headline"]')).fontFamily).to.contain('Noto Sans SC');
  });
});

describe('<e-paper-reader>: accessibility', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`has no axe violations (${lang})`, async () => {
      for (const id of ['a6', 'a2']) {
        const reader = await openReader(id, { lang });
        const results = await axe.run(reader, { resultTypes: ['violations'] });
        const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(found, `${id} ${lang}`).to.deep.equal([]);
        reader.remove();
      }
    });
  }

  it('speaks the UI language and names the controls', async () => {
    const reader = await openReader(order[5], { lang: 'en' });
    expect($(reader, '.close').getAttribute('aria-label')).to.equal('Close');
    expect($(reader, '.next').textContent!.trim()).to.equal('Next');
    expect($(reader, '.copy').textContent!.trim()).to.equal('Copy link');
    expect($(reader, '.page-label').textContent).to.equal('Page \u2068A1\u2069');
    expect($(reader, '.position .visually-hidden').textContent).to.equal('Article 6 of 9');
    expect($(reader, '[part~="content"]').getAttribute('lang')).to.equal('zh-CN');
  });
});

describe('<e-paper-reader>: copy link and progress', () => {
  it('copies a link that opens the article, and says so', async () => {
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator.clipboard), 'writeText')!;
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async (text: string) => void written.push(text) });
    try {
      const reader = await openReader('a3');
      await click($(reader, '.copy'));
      await sleep(20);
      expect(written).to.deep.equal([articleLink(location.href, 'a3')]);
      expect(written[0].endsWith('#article=a3')).to.equal(true);
      expect(written[0].startsWith(location.href.split('#')[0])).to.equal(true);
      expect($(reader, '[role="status"]').textContent).to.equal('已复制链接');
    } finally {
      delete (navigator.clipboard as unknown as Record<string, unknown>).writeText;
      expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator.clipboard), 'writeText')).to.deep.equal(original);
    }
  });

  it('falls back to a selection copy when the clipboard API refuses', async () => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    const execCommand = document.execCommand;
    const copied: string[] = [];
    document.execCommand = (command: string) => {
      if (command === 'copy') copied.push((deepActive() as HTMLTextAreaElement).value);
      return true;
    };
    try {
      const reader = await openReader('a9', { lang: 'en' });
      await click($(reader, '.copy'));
      await sleep(20);
      expect(copied).to.have.length(1);
      expect(copied[0].endsWith('#article=a9')).to.equal(true);
      expect($(reader, '[role="status"]').textContent).to.equal('Link copied');
      expect(deepActive()).to.equal($(reader, '.copy'));
    } finally {
      document.execCommand = execCommand;
      delete (navigator.clipboard as unknown as Record<string, unknown>).writeText;
    }
  });

  it('reports the reading position while scrolling, at most every 250 ms, and restores one', async () => {
    const reader = await openReader('a6');
    const progress = count<{ articleId: string; fraction: number; paragraph: number }>(reader, 'e-paper-reader-progress');
    const scroller = $(reader, '.scroller');
    const range = scroller.scrollHeight - scroller.clientHeight;
    expect(range).to.be.greaterThan(100);
    for (let i = 1; i <= 10; i++) {
      scroller.scrollTop = (range * i) / 20;
      await frame();
    }
    await sleep(300);
    expect(progress.length).to.be.within(1, 4);
    const middle = progress.at(-1)!.detail;
    expect(middle.articleId).to.equal('a6');
    expect(middle.fraction).to.be.closeTo(0.5, 0.01);
    scroller.scrollTop = range;
    await sleep(300);
    const end = progress.at(-1)!.detail;
    expect(end.fraction).to.equal(1);
    const paragraphs = [...reader.shadowRoot!.querySelectorAll('[part~="body"] > p')];
    expect(end.paragraph).to.be.within(1, paragraphs.length - 1);
    await reader.scrollToParagraph(2);
    const top = scroller.getBoundingClientRect().top;
    expect(paragraphs[2].getBoundingClientRect().top - top).to.be.within(0, 20);
    await sleep(300);
    expect(progress.at(-1)!.detail.paragraph).to.equal(2);
  });

  it('lays out the first screenful as it opens and the rest a frame later, exact when a paragraph is restored at once', async () => {
    await setViewport({ width: 1280, height: 500 });
    try {
      const reader = await fixture<EPaperReader>(
        html`<e-paper-reader .edition=${edition} .articleIds=${order} article-id="a6"></e-paper-reader>`,
      );
      reader.open = true;
      await reader.updateComplete;
      const body = $(reader, '[part~="body"]');
      const paragraphs = [...body.querySelectorAll('p')];
      const last = paragraphs.at(-1)!;
      // As it opens: the paragraphs below the view skip their layout (the text stays in the DOM).
      expect(body.classList.contains('whole')).to.equal(false);
      expect(getComputedStyle(last).contentVisibility).to.equal('auto');
      expect(last.textContent).to.equal(edition.articles.find((a) => a.id === 'a6')!.paragraphs.at(-1));
      const skipped = new Promise<boolean>((resolve) =>
        last.addEventListener(
          'contentvisibilityautostatechange',
          (event) => resolve((event as ContentVisibilityAutoStateChangeEvent).skipped),
          {
            once: true,
          },
        ),
      );
      expect(await skipped).to.equal(true);
      // A frame later, all of it.
      await frame();
      await sleep(0);
      expect(body.classList.contains('whole')).to.equal(true);
      expect(getComputedStyle(last).contentVisibility).to.equal('visible');

      // Restoring a paragraph straight after opening lands on it, though the rest was not laid out yet.
      reader.open = false;
      reader.articleId = undefined;
      await reader.updateComplete;
      reader.articleId = 'a6';
      reader.open = true;
      await reader.scrollToParagraph(5);
      const scroller = $(reader, '.scroller');
      const target = $(reader, '[part~="body"]').querySelectorAll('p')[5];
      const offset = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      await frame();
      await sleep(50);
      expect(offset).to.be.within(0, 20);
      expect(target.getBoundingClientRect().top - scroller.getBoundingClientRect().top).to.be.closeTo(offset, 1);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });

  it('starts the next article at its top without reporting that as progress', async () => {
    const reader = await openReader('a6');
    const scroller = $(reader, '.scroller');
    scroller.scrollTop = 400;
    await sleep(300);
    const progress = count(reader, 'e-paper-reader-progress');
    reader.articleId = 'a4';
    await reader.updateComplete;
    await sleep(300);
    expect(scroller.scrollTop).to.equal(0);
    expect(progress.map((e) => e.detail)).to.deep.equal([]);
  });
});
