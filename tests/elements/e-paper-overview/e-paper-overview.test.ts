/**
 * The overview map in the viewer, with real input (scripts/wtr-input-plugin.js): it shows while
 * the page is zoomed in and follows every view the viewport gives; dragging its mark (mouse or
 * finger), pressing beside the mark, and the arrow keys on the mark pan the page.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import type { EPaperViewport } from '../../../src/elements/e-paper-viewport/e-paper-viewport.js';
import type { EPaperOverview } from '../../../src/elements/e-paper-overview/e-paper-overview.js';
import { centerOf, visibleRect } from '../../../src/elements/e-paper-overview/overview-math.js';
import { overviewStrings } from '../../../src/elements/e-paper-overview/overview-strings.js';
import { zhHant } from '../../../src/i18n/zh-hant.js';
import { centre, frames, mountA1, mountViewer, until, viewportOf as viewportIn } from '../../helpers.js';

const SCAN_URL = new URL('../../../demo/editions/zhuzhou-daily-2021-01-08-scan.json', import.meta.url).href;

type CdpEvent = { method: string; params: Record<string, unknown> };
const cdp = (events: CdpEvent[], delay = 0) => executeServerCommand('cdp-input', { events, delay });
const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]): CdpEvent => ({
  method: 'Input.dispatchTouchEvent',
  params: { type, touchPoints: points.map((p, id) => ({ ...p, id })) },
});

const viewportOf = (el: EPaper) => viewportIn<EPaperViewport>(el);
const overviewOf = (el: EPaper) => el.shadowRoot!.querySelector<EPaperOverview>('e-paper-overview');
const mapOf = (el: EPaper) => overviewOf(el)!.shadowRoot!.querySelector<HTMLElement>('[part="overview"]')!;
const markOf = (el: EPaper) => overviewOf(el)!.shadowRoot!.querySelector<HTMLElement>('[part="overview-mark"]')!;
const PAGE = { width: 2000, height: 2860 };
/** Within the test window (800 × 600), so that real input reaches the map in the corner. */
const SIZE = { width: 760, height: 560 };

/** The mark's rect as a share of the map's inner box, measured from layout. */
function markShare(el: EPaper) {
  const map = mapOf(el);
  const m = map.getBoundingClientRect();
  const r = markOf(el).getBoundingClientRect();
  const left = m.left + map.clientLeft;
  const top = m.top + map.clientTop;
  return {
    x: (r.left - left) / map.clientWidth,
    y: (r.top - top) / map.clientHeight,
    w: r.width / map.clientWidth,
    h: r.height / map.clientHeight,
  };
}

/** The part of the page the viewport shows, as a share of the page, from the viewport itself. */
function visibleShare(el: EPaper) {
  const viewport = viewportOf(el);
  const rect = visibleRect(viewport.view, { width: viewport.clientWidth, height: viewport.clientHeight }, PAGE);
  return { x: rect.x / PAGE.width, y: rect.y / PAGE.height, w: rect.w / PAGE.width, h: rect.h / PAGE.height };
}

function expectMarkOnView(el: EPaper, what: string) {
  const mark = markShare(el);
  const seen = visibleShare(el);
  for (const key of ['x', 'y', 'w', 'h'] as const) expect(mark[key], `${what}: mark ${key}`).to.be.closeTo(seen[key], 0.012);
}

/** Zooms in by the toolbar's button (a real click) until the overview map shows. */
async function zoomIn(el: EPaper, times = 2) {
  const button = el.shadowRoot!.querySelector('e-paper-toolbar')!.shadowRoot!.querySelector<HTMLElement>('[data-action="zoom-in"]')!;
  const r = button.getBoundingClientRect();
  for (let i = 0; i < times; i++)
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  await until(() => !!overviewOf(el)?.shadowRoot?.querySelector('[part="overview-mark"]') && !overviewOf(el)!.hidden, 'the overview map');
  await frames(2);
}

/** The A1 in a viewer of {@link SIZE}, zoomed in `times` by the toolbar until the map shows. */
async function zoomedViewer(times: number): Promise<EPaper> {
  const viewer = await mountA1<EPaper>(SIZE);
  await zoomIn(viewer, times);
  return viewer;
}

let el: EPaper | undefined;
afterEach(async () => {
  await resetMouse();
  el?.remove();
  el = undefined;
});

describe('<e-paper-overview> in the viewer', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));

  it('is not seen at fit, but laid out and drawn with its picture before the first zoom; shows once zoomed in', async () => {
    el = await mountA1<EPaper>(SIZE);
    const hiddenAtFit = (what: string) => {
      const overview = overviewOf(el!)!;
      expect(overview.hidden, what).to.equal(true);
      // Drawn (so that its picture is rastered before the first zoom), but neither seen, hit, focused nor read.
      const style = getComputedStyle(overview);
      expect(style.visibility, what).to.equal('visible');
      expect(style.filter, what).to.equal('opacity(0)');
      expect(style.pointerEvents, what).to.equal('none');
      expect(overview.inert, what).to.equal(true);
      const mark = markOf(el!);
      mark.focus();
      expect(overview.shadowRoot!.activeElement, `${what}: the mark is not focused`).to.equal(null);
    };
    // Loaded once the browser is idle after ready, and drawn (the page's picture too) while hidden:
    // its first showing in the frames of a zoom then costs no layout and no raster.
    await until(() => !!overviewOf(el!)?.shadowRoot?.querySelector('e-paper-page[thumbnail]'), 'the page’s picture before any zoom');
    hiddenAtFit('at fit');
    expect(getComputedStyle(overviewOf(el)!).display, 'laid out').to.not.equal('none');
    expect(overviewOf(el)!.shadowRoot!.querySelector('e-paper-page')!.getBoundingClientRect().width, 'laid out').to.be.greaterThan(0);
    // A click where the hidden map stands reaches the page under it.
    const box = mapOf(el).getBoundingClientRect();
    const under = el.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(under?.closest('e-paper-overview'), 'not hit at fit').to.equal(null);
    await zoomIn(el);
    const style = getComputedStyle(overviewOf(el)!);
    expect(style.filter).to.equal('none');
    expect(style.pointerEvents).to.equal('auto');
    expect(overviewOf(el)!.inert).to.equal(false);
    expectMarkOnView(el, 'zoomed in');
    el.fit('page');
    await until(() => overviewOf(el!)!.hidden, 'the map to hide at fit');
    hiddenAtFit('at fit again');
  });

  it('keeps the page’s picture in a layer of its own, so that moving the mark never rasters it again', async () => {
    el = await mountA1<EPaper>(SIZE);
    await zoomIn(el);
    await until(() => !!overviewOf(el!)!.shadowRoot!.querySelector('e-paper-page[thumbnail]'), 'the page’s picture');
    const picture = overviewOf(el)!.shadowRoot!.querySelector('e-paper-page')!;
    // In the map's layer, every move of the mark (each frame of a pan) rastered the whole typeset
    // page again: the bench's zoom and pan took twice the renderer's CPU (bench/compare.mjs).
    expect(getComputedStyle(picture).willChange).to.equal('transform');
    const mark = markOf(el);
    expect(getComputedStyle(mark).willChange, 'the mark stays in the map’s layer').to.equal('auto');
  });

  it('follows every view the viewport gives, each wheel event of a pan', async () => {
    el = await zoomedViewer(3);
    const [x, y] = centre(viewportOf(el));
    for (let i = 0; i < 4; i++) {
      await cdp([{ method: 'Input.dispatchMouseEvent', params: { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 120 } }]);
      await overviewOf(el)!.updateComplete;
      expectMarkOnView(el, `wheel ${i + 1}`);
    }
  });

  it('dragging the mark with the mouse pans the page with it', async () => {
    el = await zoomedViewer(3);
    const viewport = viewportOf(el);
    const before = viewport.center;
    const scale = mapOf(el).clientWidth / PAGE.width;
    const [x, y] = centre(markOf(el));
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 5; i++) {
      await sendMouse({ type: 'move', position: [x + i * 4, y + i * 3] });
      await overviewOf(el)!.updateComplete;
      expectMarkOnView(el, `drag step ${i}`);
    }
    await sendMouse({ type: 'up' });
    await frames(2);
    expect(viewport.center.x - before.x).to.be.closeTo(20 / scale, 1);
    expect(viewport.center.y - before.y).to.be.closeTo(15 / scale, 1);
    expect(viewport.scale, 'the scale stays').to.be.greaterThan(viewport.minScale * 1.5);
  });

  it('a click beside the mark centres the page there', async () => {
    el = await zoomedViewer(3);
    const map = mapOf(el);
    const m = map.getBoundingClientRect();
    const scale = map.clientWidth / PAGE.width;
    // The lower third of the page, a little left of the middle: away from the mark at the centre.
    const point: [number, number] = [
      Math.round(m.left + map.clientLeft + map.clientWidth * 0.4),
      Math.round(m.top + map.clientTop + map.clientHeight * 0.8),
    ];
    await sendMouse({ type: 'click', position: point });
    await frames(2);
    const centre = viewportOf(el).center;
    expect(centre.x).to.be.closeTo((point[0] - m.left - map.clientLeft) / scale, 1 / scale);
    expect(centre.y).to.be.closeTo((point[1] - m.top - map.clientTop) / scale, 1 / scale);
    expectMarkOnView(el, 'after the click');
  });

  it('a finger dragging the mark pans the page (and never scrolls the host page)', async () => {
    el = await zoomedViewer(3);
    const viewport = viewportOf(el);
    const before = viewport.center;
    const scale = mapOf(el).clientWidth / PAGE.width;
    const [x, y] = centre(markOf(el));
    const scrollY = window.scrollY;
    const events = [touch('touchStart', [{ x, y }])];
    for (let i = 1; i <= 8; i++) events.push(touch('touchMove', [{ x: x - i * 2, y: y - i * 3 }]));
    await cdp(events, 16);
    await cdp([touch('touchEnd', [])]);
    await frames(2);
    expect(viewport.center.x - before.x).to.be.closeTo(-16 / scale, 1.5);
    expect(viewport.center.y - before.y).to.be.closeTo(-24 / scale, 1.5);
    expect(window.scrollY).to.equal(scrollY);
    expectMarkOnView(el, 'after the finger');
  });

  it('the mark is focusable and the arrow keys move the page (Shift: further)', async () => {
    el = await zoomedViewer(3);
    const viewport = viewportOf(el);
    markOf(el).focus();
    expect(overviewOf(el)!.shadowRoot!.activeElement).to.equal(markOf(el));
    const visible = () => visibleRect(viewport.view, { width: viewport.clientWidth, height: viewport.clientHeight }, PAGE);
    const start = visible();
    await sendKeys({ press: 'ArrowRight' });
    await frames(2);
    expect(centerOf(visible()).x - centerOf(start).x).to.be.closeTo(start.w * 0.1, 0.5);
    await sendKeys({ press: 'ArrowDown' });
    await frames(2);
    expect(centerOf(visible()).y - centerOf(start).y).to.be.closeTo(start.h * 0.1, 0.5);
    const before = visible();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Shift' });
    await frames(2);
    expect(centerOf(before).y - centerOf(visible()).y).to.be.closeTo(before.h * 0.8, 0.5);
    expectMarkOnView(el, 'after the keys');
    const mark = markOf(el);
    expect(mark.getAttribute('aria-label')).to.match(/方向键/);
    const description = overviewOf(el)!.shadowRoot!.getElementById(mark.getAttribute('aria-describedby')!)!;
    expect(description.textContent).to.match(/左起 \d+%/);
  });

  it('a scan page’s map is its smallest image', async () => {
    el = await mountViewer<EPaper>((e) => {
      e.src = SCAN_URL;
      e.noPersist = true;
    }, SIZE);
    await zoomIn(el, 2);
    await until(() => !!overviewOf(el!)!.shadowRoot!.querySelector('e-paper-page'), 'the page’s picture');
    const thumb = overviewOf(el)!.shadowRoot!.querySelector('e-paper-page')!;
    await until(() => !!thumb.shadowRoot?.querySelector('img'), 'the scan image in the map');
    const images = [...thumb.shadowRoot!.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).to.deep.equal([new URL('zhuzhou-daily-2021-01-08-scan/page-500.jpg', SCAN_URL).href]);
  });

  it('a picture whose image cannot be loaded shows a failed mark, named in the UI language, and the map still pans', async () => {
    // The scan edition with its smallest image (the map's) missing; the page's own image loads.
    const edition = await (await fetch(SCAN_URL)).json();
    const { scan } = edition.pages[0];
    scan.src = new URL(scan.src, SCAN_URL).href;
    scan.srcset = [{ src: new URL('zhuzhou-daily-2021-01-08-scan/no-such-page-500.jpg', SCAN_URL).href, width: 500 }];
    el = await mountViewer<EPaper>((e) => {
      e.lang = 'en';
      e.edition = edition;
      e.noPersist = true;
    }, SIZE);
    await zoomIn(el, 2);
    const failedMark = () => overviewOf(el!)!.shadowRoot!.querySelector('svg.failed');
    await until(() => !!failedMark(), 'the failed mark in the map');
    expect(failedMark()!.getAttribute('role')).to.equal('img');
    expect(failedMark()!.getAttribute('aria-label')).to.equal(overviewStrings('en').failed);
    expect(overviewOf(el)!.shadowRoot!.querySelector('e-paper-page'), 'the broken picture is gone').to.equal(null);
    const box = mapOf(el).getBoundingClientRect();
    const icon = failedMark()!.getBoundingClientRect();
    expect(icon.width, 'seen').to.be.greaterThan(0);
    expect(Math.abs(icon.left + icon.width / 2 - (box.left + box.width / 2)), 'in the middle of the map').to.be.below(2);
    // The mark and its keys work on.
    markOf(el).focus();
    const before = viewportOf(el).view.y;
    await sendKeys({ press: 'ArrowDown' });
    await until(() => viewportOf(el!).view.y !== before, 'the page moved by the mark’s key');
    // Its name follows the UI language.
    el.lang = 'zh-CN';
    await until(() => failedMark()?.getAttribute('aria-label') === overviewStrings('zh-CN').failed, 'named in Simplified Chinese');
    el.lang = 'zh-TW';
    await until(() => failedMark()?.getAttribute('aria-label') === zhHant.overview.failed, 'named in Traditional Chinese');
  });

  it('no-overview leaves the map out', async () => {
    el = await mountA1<EPaper>(SIZE, (e) => e.setAttribute('no-overview', ''));
    el.zoomTo(1.5);
    await new Promise((resolve) => el!.addEventListener('e-paper-zoom', resolve, { once: true }));
    await el.updateComplete;
    expect(overviewOf(el)).to.equal(null);
    el.removeAttribute('no-overview');
    await el.updateComplete;
    await until(() => !!overviewOf(el!)?.shadowRoot?.querySelector('[part="overview-mark"]'), 'the map once allowed');
  });
});
