import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EPaper } from '../../../src/elements/e-paper/e-paper.js';
import { articlesById, articlesOnPage, regionsOf } from '../../../src/edition/regions.js';
import { A1_URL, deepQuery, loadA1, nextEvent, until } from '../../helpers.js';

async function viewer(style = 'width: 900px; height: 700px') {
  const host = document.createElement('div');
  document.body.append(host);
  const ready = nextEvent(host, 'e-paper-ready');
  const el = await fixture<EPaper>(html`<e-paper style=${style} src=${A1_URL}></e-paper>`, { parentNode: host });
  await ready;
  return el;
}

const pageRoot = (el: EPaper) => deepQuery(el, 'e-paper-page')!.shadowRoot!;
const regionOf = (el: EPaper, id: string) => pageRoot(el).querySelector<SVGGElement>(`.region[data-article-id="${id}"]`)!;
const tooltipOf = (el: EPaper) => el.shadowRoot!.querySelector('e-paper-tooltip')!;
/**
 * The properties each light animates as it is put on the page (its fade in), recorded as it comes:
 * once the lights' module is in (the page loads it at idle or with the first pointer).
 */
async function watchFades(el: EPaper) {
  await until(() => pageRoot(el).querySelector('.lights') !== null, 'the lights are in');
  const fades: string[][] = [];
  const observer = new MutationObserver((records) => {
    for (const node of records.flatMap((r) => [...r.addedNodes])) {
      const frames = (node as Element).getAnimations().flatMap((a) => (a.effect as KeyframeEffect).getKeyframes());
      fades.push(frames.flatMap((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p))));
    }
  });
  observer.observe(pageRoot(el).querySelector('.lights')!, { childList: true });
  return { fades, stop: () => observer.disconnect() };
}

/** The light over an article's region (region-light.ts), while it is lit. */
const litOf = (el: EPaper, id: string) => pageRoot(el).querySelector<SVGSVGElement>(`.lit[data-article-id="${id}"]`);
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });

/** The on-screen centre of the visible part of an article's first shape. */
function centreOf(el: EPaper, id: string) {
  const shape = regionOf(el, id).querySelector('.shape')!.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const left = Math.max(shape.left, box.left);
  const right = Math.min(shape.right, box.right);
  const top = Math.max(shape.top, box.top);
  const bottom = Math.min(shape.bottom, box.bottom);
  return { x: Math.round((left + right) / 2), y: Math.round((top + bottom) / 2) };
}

describe('article regions', () => {
  afterEach(() => resetMouse());

  it('are buttons named by their headline, in reading order', async () => {
    const edition = await loadA1();
    const el = await viewer();
    const regions = [...pageRoot(el).querySelectorAll<SVGGElement>('.region')];
    expect(regions.map((r) => r.dataset.articleId)).to.deep.equal(regionsOf(edition.pages[0], edition).map((r) => r.article));
    for (const region of regions) {
      const article = edition.articles.find((a) => a.id === region.dataset.articleId)!;
      expect(region.getAttribute('role')).to.equal('button');
      expect(region.getAttribute('aria-label')).to.contain(article.headline);
    }
  });

  it('highlight every shape of an article together on hover, and show its tooltip', async () => {
    const edition = await loadA1();
    const el = await viewer();
    const multi = regionsOf(edition.pages[0], edition).find((r) => r.shapes.length > 1)!;
    expect(multi, 'an article in two places').to.exist;
    const { x, y } = centreOf(el, multi.article);
    await sendMouse({ type: 'move', position: [x, y] });
    // The hover asks for the tooltip's part if the browser's idle time has not brought it yet.
    await el.updateComplete;
    await frames();
    const shapes = [...litOf(el, multi.article)!.querySelectorAll('.shape')];
    expect(shapes.length, 'a light over each of its shapes').to.equal(multi.shapes.length);
    const strokes = shapes.map((s) => getComputedStyle(s).stroke);
    expect(strokes.every((stroke) => stroke !== 'none' && stroke !== 'rgba(0, 0, 0, 0)' && stroke !== 'transparent')).to.equal(true);
    const tooltip = tooltipOf(el);
    expect(tooltip.hasAttribute('open')).to.equal(true);
    const article = edition.articles.find((a) => a.id === multi.article)!;
    expect(tooltip.shadowRoot!.textContent).to.contain(article.headline);
    expect(tooltip.shadowRoot!.textContent).to.contain('点击阅读全文');
  });

  it('keep the tooltip inside the viewer at every edge', async () => {
    // The viewer has the page's proportions, so articles reach all four of its edges.
    const el = await viewer('width: 400px; height: 572px');
    const box = el.getBoundingClientRect();
    const corners: [number, number][] = [];
    for (const shape of pageRoot(el).querySelectorAll('.shape')) {
      const r = shape.getBoundingClientRect();
      corners.push([r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]);
    }
    let checked = 0;
    for (const [x, y] of corners) {
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
      await frames(3);
      const tooltip = tooltipOf(el);
      const hit = pageRoot(el).elementFromPoint(Math.round(x), Math.round(y));
      expect(tooltip.hasAttribute('open'), `tooltip at ${x}, ${y} over ${hit?.outerHTML.slice(0, 80)}`).to.equal(true);
      const rect = tooltip.getBoundingClientRect();
      expect(rect.left, 'left').to.be.at.least(box.left - 0.5);
      expect(rect.top, 'top').to.be.at.least(box.top - 0.5);
      expect(rect.right, 'right').to.be.at.most(box.right + 0.5);
      expect(rect.bottom, 'bottom').to.be.at.most(box.bottom + 0.5);
      checked++;
    }
    expect(checked).to.be.at.least(16);
  });

  it('let the hover the open reader takes away go at once, with no fade drawn under the veil', async () => {
    // Motion allowed (another file's emulation may stay in the browser): the fades exist to be skipped.
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await viewer();
    const page = deepQuery(el, 'e-paper-page')!;
    const region = regionOf(el, 'a2');
    const { x, y } = centreOf(el, 'a2');
    await sendMouse({ type: 'move', position: [x, y] });
    await until(() => region.classList.contains('hover'), 'the mouse lights the story');
    await until(() => litOf(el, 'a2')?.getAnimations().length === 0, 'its light has faded in');
    // The light left on the page as the hover goes (the page's own observer, made first, has run).
    const atLeave: number[] = [];
    const observer = new MutationObserver(() => {
      if (!region.classList.contains('hover')) atLeave.push(pageRoot(el).querySelectorAll('.lit').length);
    });
    observer.observe(region, { attributes: true, attributeFilter: ['class'] });
    await sendMouse({ type: 'click', position: [x, y] });
    await until(() => el.article === 'a2', 'the click opens the story');
    await until(() => atLeave.length > 0, 'the reader, over the pointer, takes the hover away');
    observer.disconnect();
    expect(page.hasAttribute('reading'), 'the page is under the reader').to.equal(true);
    expect(atLeave[0], 'lights left fading as the hover went').to.equal(0);
    // Closed, the page's regions fade again.
    el.closeArticle();
    await until(() => el.article === undefined, 'the reader closes');
    expect(page.hasAttribute('reading')).to.equal(false);
    await sendMouse({ type: 'move', position: [2, 2] });
    await until(() => litOf(el, 'a2') === null, 'the light goes');
    const watch = await watchFades(el);
    await sendMouse({ type: 'move', position: [x, y] });
    await until(() => watch.fades.length > 0, 'the mouse lights the story again');
    watch.stop();
    expect(watch.fades[0].length, 'its light fades in').to.be.greaterThan(0);
  });

  it('take focus with Tab in reading order, showing the tooltip for the focused article', async () => {
    const edition = await loadA1();
    const el = await viewer();
    const order = regionsOf(edition.pages[0], edition).map((r) => r.article);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const seen: string[] = [];
    for (let i = 0; i < 30 && seen.length < order.length; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = pageRoot(el).activeElement as SVGGElement | null;
      const id = focused?.dataset?.articleId;
      if (id && seen.at(-1) !== id) seen.push(id);
    }
    expect(seen).to.deep.equal(order);
    await frames();
    expect(tooltipOf(el).shadowRoot!.textContent).to.contain(edition.articles.find((a) => a.id === order.at(-1))!.headline);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect((pageRoot(el).activeElement as SVGGElement).dataset.articleId).to.equal(order.at(-2));
    before.remove();
  });
});

type Touch = { x: number; y: number; id: number };
/** Real touch through CDP (scripts/wtr-input-plugin.js): one event per step, a frame apart. */
function touches(steps: Touch[][]) {
  const events = steps.map((points, i) => ({
    method: 'Input.dispatchTouchEvent',
    params: { type: i === 0 ? 'touchStart' : 'touchMove', touchPoints: points },
  }));
  return executeServerCommand('cdp-input', { events, delay: 16 }).then(() =>
    executeServerCommand('cdp-input', { events: [{ method: 'Input.dispatchTouchEvent', params: { type: 'touchEnd', touchPoints: [] } }] }),
  );
}

/** The fill of an article's shapes as drawn now: its light's, while it is lit. */
const fillOf = (el: EPaper, id: string) => getComputedStyle((litOf(el, id) ?? regionOf(el, id)).querySelector('.shape')!).fill;

describe('article regions under touch', () => {
  it('keep no tint on the touched story after a tap or a pan', async () => {
    const el = await viewer();
    const resting = fillOf(el, 'a2');
    const { x, y } = centreOf(el, 'a2');
    // A tap reads the story (Chromium leaves :hover on what a finger tapped). Closed by the API,
    // not Esc: after a key, the region that gets focus back rightly shows it.
    await touches([[{ x, y, id: 1 }]]);
    await until(() => el.article === 'a2', 'the tap opens the story');
    el.closeArticle();
    await until(() => el.article === undefined, 'the reader closes');
    await frames(3);
    expect(fillOf(el, 'a2'), 'after the tap').to.equal(resting);
    // Zoomed in on the same story (the viewport's own tests pinch; a pinch here, after the
    // tap, leaves Chromium's touch input scaled for the test files that follow).
    el.zoomTo(0.7, { x: 640, y: 700 });
    await frames(2);
    const stage = deepQuery<HTMLElement>(el, 'e-paper-viewport', '.stage')!;
    await until(() => stage.getAnimations().length === 0, 'the zoom step ends');
    const zoomed = centreOf(el, 'a2');
    expect(pageRoot(el).elementFromPoint(zoomed.x, zoomed.y)?.closest('.region')?.getAttribute('data-article-id')).to.equal('a2');
    expect(fillOf(el, 'a2'), 'after zooming').to.equal(resting);
    // Then a one-finger pan over it (zoomed in, so the finger pans).
    await touches(Array.from({ length: 8 }, (_, i) => [{ x: zoomed.x, y: zoomed.y - i * 10, id: 1 }]));
    await frames(3);
    expect(fillOf(el, 'a2'), 'after the pan').to.equal(resting);
    // A mouse over the same story still tints it.
    await sendMouse({ type: 'move', position: [zoomed.x, zoomed.y - 60] });
    await frames(2);
    expect(fillOf(el, 'a2'), 'under the mouse').not.to.equal(resting);
  });
});

describe('the light over a region', () => {
  afterEach(() => resetMouse());

  /** The page's own drawing of every region: what a change would repaint the text under. */
  const drawn = (el: EPaper) =>
    [...pageRoot(el).querySelectorAll('.region .shape')].map((shape) => {
      const style = getComputedStyle(shape);
      return `${style.fill} ${style.stroke} ${style.strokeWidth} ${shape.getAnimations().length}`;
    });

  it('lights a region over it, in a layer of its own, never repainting the page', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await viewer();
    const resting = drawn(el);
    const watch = await watchFades(el);
    const { x, y } = centreOf(el, 'a2');
    await sendMouse({ type: 'move', position: [x, y] });
    await until(() => litOf(el, 'a2') !== null, 'the mouse lights the story');
    const lit = litOf(el, 'a2')!;
    watch.stop();
    expect(drawn(el), 'the regions as the page draws them, lit').to.deep.equal(resting);
    expect(getComputedStyle(lit.parentElement!).willChange, 'in a layer of its own').to.equal('opacity');
    // Faded in on the main thread, in the lights' layer: an opacity animation would be a layer more.
    expect(watch.fades).to.deep.equal([['fillOpacity', 'strokeOpacity', 'fillOpacity', 'strokeOpacity']]);
    // Copies of the region's shapes, where they are.
    const shapes = [...regionOf(el, 'a2').querySelectorAll('.shape')];
    const copies = [...lit.querySelectorAll('.shape')];
    expect(copies.length).to.equal(shapes.length);
    copies.forEach((copy, i) => {
      const [a, b] = [copy.getBoundingClientRect(), shapes[i].getBoundingClientRect()];
      for (const k of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(a[k] - b[k]), k).to.be.below(0.5);
    });
    expect(lit.closest('[aria-hidden="true"]'), 'out of the accessible tree').to.exist;
    // Gone, it fades out, and then is no more.
    await sendMouse({ type: 'move', position: [2, 2] });
    await until(() => litOf(el, 'a2') === null, 'the light goes');
    expect(drawn(el), 'the regions as the page draws them, unlit').to.deep.equal(resting);
  });

  it('rings the region the keyboard focuses in the focus colour', async () => {
    const el = await viewer();
    deepQuery<HTMLElement>(el, 'e-paper-viewport')!.focus();
    for (let i = 0; i < 10 && !pageRoot(el).activeElement?.classList.contains('region'); i++) await sendKeys({ press: 'Tab' });
    const region = pageRoot(el).activeElement as SVGGElement;
    await until(() => litOf(el, region.dataset.articleId!) !== null, 'the focus lights the story');
    const ring = getComputedStyle(litOf(el, region.dataset.articleId!)!.querySelector('.shape')!);
    expect(ring.stroke).to.equal('rgb(26, 115, 232)');
    expect(ring.strokeWidth).to.equal('4px');
    region.blur();
    await until(() => pageRoot(el).querySelector('.lit') === null, 'the light goes with the focus');
  });

  it('neither lights nor fades while the page is dragged, and follows the pointer after', async () => {
    const el = await viewer();
    el.zoomTo(0.7, { x: 640, y: 700 });
    const stage = deepQuery<HTMLElement>(el, 'e-paper-viewport', '.stage')!;
    await until(() => stage.getAnimations().length === 0, 'the zoom step ends');
    const start = centreOf(el, 'a2');
    await sendMouse({ type: 'move', position: [start.x, start.y] });
    await until(() => litOf(el, 'a2') !== null, 'the mouse lights the story');
    const changes: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target as Element;
        if (target.classList.contains('region')) changes.push(`${target.getAttribute('data-article-id')}: ${target.getAttribute('class')}`);
      }
      for (const r of records)
        for (const node of [...r.addedNodes, ...r.removedNodes]) changes.push(`light ${(node as Element).outerHTML?.slice(0, 40)}`);
    });
    observer.observe(pageRoot(el).querySelector('.regions')!, { subtree: true, attributes: true, attributeFilter: ['class'] });
    observer.observe(pageRoot(el).querySelector('.lights')!, { childList: true });
    const lit = litOf(el, 'a2')!;
    await until(() => lit.getAnimations().length === 0, 'its light has faded in');
    await sendMouse({ type: 'down' });
    // A drag across the page, far past the threshold: the capture makes the region "leave".
    for (let i = 1; i <= 8; i++) await sendMouse({ type: 'move', position: [start.x - i * 25, start.y - i * 20] });
    await frames(2);
    expect(deepQuery(el, 'e-paper-viewport', '.box')!.classList.contains('grabbing'), 'the page is being dragged').to.equal(true);
    expect(changes.concat(observer.takeRecords().map(() => 'pending')), 'hover changes during the drag').to.deep.equal([]);
    expect(lit.isConnected && lit.getAnimations().length, 'the light stays, unfaded').to.equal(0);
    await sendMouse({ type: 'up' });
    observer.disconnect();
    // Then the pointer leads again: off the story, its light goes.
    await sendMouse({ type: 'move', position: [2, 2] });
    await until(() => litOf(el, 'a2') === null, 'the light follows the pointer after the drag');
    const other = centreOf(el, 'a3');
    await sendMouse({ type: 'move', position: [other.x, other.y] });
    await until(() => litOf(el, 'a3') !== null, 'another story lights under the pointer');
  });
});

/** Records whether the viewer's tooltip was ever open from now on (attribute changes, as they happen). */
function watchTooltip(el: EPaper) {
  const tooltip = tooltipOf(el);
  const seen: boolean[] = [];
  const observer = new MutationObserver(() => seen.push(tooltip.hasAttribute('open')));
  observer.observe(tooltip, { attributes: true, attributeFilter: ['open'] });
  return {
    everOpen: () => (observer.takeRecords().length && seen.push(tooltip.hasAttribute('open')), seen.includes(true)),
    stop: () => observer.disconnect(),
  };
}

/** A tap: a finger down at (x, y) for about 80 ms, then up. */
const tap = (x: number, y: number) =>
  executeServerCommand('cdp-input', {
    events: [
      { method: 'Input.dispatchTouchEvent', params: { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] } },
      { method: 'Input.dispatchTouchEvent', params: { type: 'touchEnd', touchPoints: [] } },
    ],
    delay: 80,
  });

describe('the tooltip and touch', () => {
  afterEach(() => resetMouse());

  it('a tap opens the article without the tooltip, and closing it with a tap shows none either', async () => {
    const el = await viewer();
    await customElements.whenDefined('e-paper-tooltip');
    await el.updateComplete;
    const watch = watchTooltip(el);
    const { x, y } = centreOf(el, 'a2');
    await tap(x, y);
    await until(() => el.article === 'a2', 'the tap opens the story');
    await frames(2);
    expect(watch.everOpen(), 'the tooltip during the tap').to.equal(false);
    // The reader's close button, tapped: the focus goes back to the region, and no tooltip with it.
    const reader = el.shadowRoot!.querySelector('e-paper-reader')!;
    await reader.updateComplete;
    const close = reader.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.getBoundingClientRect();
    await tap(Math.round(close.left + close.width / 2), Math.round(close.top + close.height / 2));
    await until(() => el.article === undefined, 'the tap on close closes the story');
    await frames(3);
    expect(pageRoot(el).activeElement?.getAttribute('data-article-id'), 'the focus is back on the region').to.equal('a2');
    expect(watch.everOpen(), 'the tooltip after closing by a tap').to.equal(false);
    watch.stop();
  });

  it('a mouse over a region still shows it, and so does the keyboard’s focus', async () => {
    const el = await viewer();
    const { x, y } = centreOf(el, 'a2');
    await sendMouse({ type: 'move', position: [x, y] });
    await until(() => tooltipOf(el)?.hasAttribute('open'), 'the tooltip under the mouse');
    await sendMouse({ type: 'move', position: [2, 2] });
    await until(() => !tooltipOf(el).hasAttribute('open'), 'the tooltip goes with the mouse');
    deepQuery<HTMLElement>(el, 'e-paper-viewport')!.focus();
    for (let i = 0; i < 10 && !pageRoot(el).activeElement?.classList.contains('region'); i++) await sendKeys({ press: 'Tab' });
    expect(pageRoot(el).activeElement?.classList.contains('region'), 'Tab reaches a region').to.equal(true);
    await until(() => tooltipOf(el).hasAttribute('open'), 'the tooltip of the focused region');
  });
});

describe('articles by id', () => {
  it('is made once per edition object and gives the articles of a page in reading order', async () => {
    const edition = await loadA1();
    const byId = articlesById(edition);
    expect(articlesById(edition), 'the same map for the same edition').to.equal(byId);
    expect(byId.get('a3')).to.equal(edition.articles.find((a) => a.id === 'a3'));
    const other = { ...edition, articles: edition.articles.slice(0, 2) };
    expect(articlesById(other), 'another edition object, its own map').not.to.equal(byId);
    expect(articlesById(other).size).to.equal(2);
    const onPage = articlesOnPage(edition, edition.pages[0]).map((a) => a.id);
    expect(onPage).to.deep.equal(regionsOf(edition.pages[0], edition).map((r) => r.article));
    expect(articlesOnPage(other, edition.pages[0]).map((a) => a.id)).to.deep.equal(onPage.filter((id) => id === 'a1' || id === 'a2'));
  });
});
