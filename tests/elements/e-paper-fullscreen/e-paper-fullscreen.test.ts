/**
 * The full-screen button through the real Fullscreen API: a real click (a user gesture, from
 * scripts/wtr-input-plugin.js's mouse) asks for it; the button follows `fullscreenchange`, so
 * the browser's own exit (here `document.exitFullscreen()`, as its UI does) is honoured; the page
 * keeps its fit or its centre; the reader opens over the full-screen viewer.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperViewport } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import { centre, frames, mountA1, until, viewportOf as viewportIn } from '../../helpers.js';

const SIZE = { width: 640, height: 480 };
const viewportOf = (el: EPaper) => viewportIn<EPaperViewport>(el);
const buttonOf = (el: EPaper) =>
  el.shadowRoot!.querySelector('e-paper-fullscreen')?.shadowRoot?.querySelector<HTMLButtonElement>('button') ?? null;

async function mount(): Promise<EPaper> {
  const el = await mountA1<EPaper>(SIZE);
  await until(() => !!buttonOf(el), 'the full-screen button');
  return el;
}

/** Waits for the viewport to lay the page out for the box it has now. */
async function laidOut(el: EPaper, width: number) {
  await until(() => Math.abs(viewportOf(el).clientWidth - width) < 1, `the viewport ${width} px wide`);
  await frames(3);
}

let el: EPaper | undefined;
afterEach(async () => {
  if (document.fullscreenElement) await document.exitFullscreen();
  await resetMouse();
  el?.remove();
  el = undefined;
});

describe('<e-paper-fullscreen> in the viewer', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));

  it('a click shows the viewer full screen and the page fitted to it; the browser’s exit brings it back, fitted', async () => {
    el = await mount();
    const button = buttonOf(el)!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('全屏');
    const before = viewportOf(el).scale;
    await sendMouse({ type: 'click', position: centre(button) });
    await until(() => document.fullscreenElement === el, 'full screen');
    await until(() => button.getAttribute('aria-pressed') === 'true', 'the button pressed');
    expect(button.title).to.equal('退出全屏');
    await laidOut(el, window.innerWidth);
    const viewport = viewportOf(el);
    expect(viewport.scale, 'fitted to the larger box').to.be.closeTo(viewport.minScale, 1e-6);
    expect(viewport.scale).to.be.greaterThan(before);
    // The browser's own way out (its Esc, its UI) ends in the same call.
    await document.exitFullscreen();
    await until(() => button.getAttribute('aria-pressed') === 'false', 'the button released');
    await laidOut(el, SIZE.width);
    expect(viewport.scale).to.be.closeTo(before, 1e-6);
  });

  it('a zoomed-in page keeps the point at its centre on entering and leaving', async () => {
    el = await mount();
    el.zoomTo(1.2, { x: 900, y: 1200 });
    await frames(3);
    const viewport = viewportOf(el);
    await sendMouse({ type: 'click', position: centre(buttonOf(el)!) });
    await until(() => document.fullscreenElement === el, 'full screen');
    await laidOut(el, window.innerWidth);
    expect(viewport.scale).to.equal(1.2);
    expect(viewport.center.x).to.be.closeTo(900, 1);
    expect(viewport.center.y).to.be.closeTo(1200, 1);
    // The button again: out.
    await sendMouse({ type: 'click', position: centre(buttonOf(el)!) });
    await until(() => !document.fullscreenElement, 'full screen left');
    await laidOut(el, SIZE.width);
    expect(viewport.center.x).to.be.closeTo(900, 1);
    expect(viewport.center.y).to.be.closeTo(1200, 1);
  });

  it('the reader opens over the full-screen viewer and closes with Esc', async () => {
    el = await mount();
    await sendMouse({ type: 'click', position: centre(buttonOf(el)!) });
    await until(() => document.fullscreenElement === el, 'full screen');
    await laidOut(el, window.innerWidth);
    const page = el.shadowRoot!.querySelector('e-paper-page')!;
    const region = page.shadowRoot!.querySelector<SVGGElement>('[data-article-id]')!;
    const id = region.dataset.articleId!;
    await sendMouse({ type: 'click', position: centre(region) });
    await until(() => el!.article === id, 'the article open');
    const reader = el.shadowRoot!.querySelector('e-paper-reader')!;
    await until(() => !!reader.shadowRoot?.querySelector('dialog[open]'), 'the reader');
    const dialog = reader.shadowRoot!.querySelector('dialog')!;
    // On top of the full-screen viewer: what is at the middle of the screen is the reader's.
    const hit = reader.shadowRoot!.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    expect(hit && dialog.contains(hit), 'the reader is on top').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => el!.article === undefined, 'the reader closed');
  });

  it('is hidden where the browser cannot go full screen', async () => {
    const own = Object.getOwnPropertyDescriptor(Document.prototype, 'fullscreenEnabled')!;
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, get: () => false });
    try {
      el = await mountA1<EPaper>(SIZE);
      const part = el.shadowRoot!.querySelector('e-paper-fullscreen')!;
      await customElements.whenDefined('e-paper-fullscreen');
      await (part as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(part.hidden).to.equal(true);
      expect(getComputedStyle(part).display).to.equal('none');
      expect(buttonOf(el)).to.equal(null);
    } finally {
      delete (document as unknown as Record<string, unknown>).fullscreenEnabled;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'fullscreenEnabled')).to.deep.equal(own);
    }
  });

  it('names itself in English and Traditional Chinese', async () => {
    el = await mountA1<EPaper>(SIZE, (e) => (e.lang = 'en'));
    await until(() => !!buttonOf(el!), 'the button');
    expect(buttonOf(el)!.getAttribute('aria-label')).to.equal('Full screen');
    el.lang = 'zh-TW';
    await el.updateComplete;
    await until(() => buttonOf(el!)!.getAttribute('aria-label') === '全螢幕', 'the Traditional Chinese name');
  });
});
