/**
 * A scan page's tile layer, a lazy part (the first render does without it): over the page's small
 * image it shows the tiles of a IIIF image service that the view needs, at the level its scale
 * needs, and no others.
 *
 * - The view is measured, not told: the page's box on screen (the viewport's transform applied)
 *   against the box that clips it. It is measured when the page's scale changes and, from the
 *   first wheel, pointer or key input over the viewport, every frame until it has been still for
 *   {@link STILL_FRAMES} frames, so tiles come in during a pan, not only after it.
 * - While the scale is changing (a zoom gesture) the level stays; {@link LEVEL_DWELL_MS} after the
 *   scale last changed the level it needs is taken, so a zoom through three levels fetches one.
 * - Never a blank: the page's small image lies under every tile, a tile is shown only once
 *   decoded, and tiles of the level before stay over the small image until the new level's
 *   tiles in view are all in. Tiles being fetched for a level no longer wanted are cancelled.
 * - Tiles farther than half a view out of view are dropped.
 *
 * Tiles stand in page units, as the regions and the text layer do, so all three stay aligned at
 * every scale. The maths are `tile-math.ts`, the reading of the service `tile-source.ts`.
 */
import { css } from 'lit';
import type { Page, ScanTiles } from '../../edition/schema.js';
import {
  grow,
  imageToPage,
  levelFor,
  overlaps,
  pageToImage,
  tileUrl,
  tilesIn,
  visiblePart,
  type Box,
  type Tile,
  type TileSource,
} from './tile-math.js';
import { serviceUrl, sourceFromInfo, sourceFromScan } from './tile-source.js';

/** Frames without a change of the view after which the layer stops measuring it. */
export const STILL_FRAMES = 20;
/** How long the scale must stay still before the layer fetches another level (ms). */
export const LEVEL_DWELL_MS = 120;
/** Tiles at most, of all levels together; past it, those of other levels and the farthest go first. */
const MAX_TILES = 400;

const styles = css`
  .scan-tiles {
    position: absolute;
    inset: 0;
    overflow: hidden;
    pointer-events: none;
  }
  .scan-tiles > img {
    position: absolute;
    display: block;
    max-width: none;
    opacity: 0;
    user-select: none;
  }
  .scan-tiles > img.in {
    opacity: 1;
  }
`;

interface Shown {
  img: HTMLImageElement;
  tile: Tile;
  loaded: boolean;
  failed: boolean;
}

type Size = { width: number; height: number };

const rectOf = (element: Element): Box => {
  const r = element.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
};

/** The element's parent in the flat tree (a slotted element's slot, a shadow root's host). */
const flatParent = (element: Element): Element | null =>
  element.assignedSlot ?? element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host || null);

export class TileLayer {
  readonly #host: HTMLElement;
  readonly #container: HTMLElement;
  readonly #page: Size;
  /** The width of the page's smallest image: a level no sharper than it needs no tiles. */
  readonly #baseWidth: number;
  readonly #onFail: () => void;
  readonly #abort = new AbortController();
  #source?: TileSource;
  readonly #shown = new Map<string, Shown>();
  #factor?: number;
  #frame?: number;
  #still = 0;
  #last?: { area: Box; pxPerUnit: number };
  #scaleChangedAt = -Infinity;
  #clip?: Element;
  #listening: EventTarget[] = [];

  /**
   * `host` is the page element, `container` the layer's element in its shadow root (over the
   * page, page units); `onFail` is told when the service cannot be read (after a warning that says
   * why), so that the page shows its image instead.
   */
  constructor(host: HTMLElement, container: HTMLElement, page: Page, base: string, onFail: () => void) {
    this.#host = host;
    this.#container = container;
    this.#page = page;
    this.#onFail = onFail;
    const scan = page.scan!;
    const tiles = scan.tiles!;
    const widths = [...(scan.srcset ?? []).map((s) => s.width), ...(scan.width ? [scan.width] : [])];
    this.#baseWidth = widths.length ? Math.min(...widths) : 0;
    const root = container.getRootNode();
    const sheet = styles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const known = sourceFromScan(tiles, base);
    if (known) this.#start(known);
    else void this.#readInfo(tiles, base);
  }

  /** The container this layer draws into. */
  get container(): HTMLElement {
    return this.#container;
  }

  /** The level shown (its scale factor), once known. */
  get factor(): number | undefined {
    return this.#factor;
  }

  async #readInfo(tiles: ScanTiles, base: string): Promise<void> {
    const service = serviceUrl(tiles, base);
    try {
      if (!service) throw new Error(`"${tiles.service}" is not an http(s) URL`);
      const response = await fetch(`${service}/info.json`, { signal: this.#abort.signal, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`info.json: HTTP ${response.status}`);
      this.#start(sourceFromInfo(await response.json(), service));
    } catch (error) {
      if (this.#abort.signal.aborted) return;
      console.warn(`e-paper: the tiles of the scan page cannot be shown, the image is: ${(error as Error).message}`);
      this.#onFail();
    }
  }

  #start(source: TileSource): void {
    this.#source = source;
    this.#listen();
    this.update();
  }

  /** Measures the view now and again each frame until it is still (the scale changed, a gesture began). */
  update(): void {
    if (!this.#source || this.#abort.signal.aborted) return;
    this.#still = 0;
    this.#frame ??= requestAnimationFrame(this.#tick);
    this.#measure();
  }

  /** Stops listening and fetching; the page drops the container. */
  dispose(): void {
    this.#abort.abort();
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    for (const target of this.#listening)
      for (const type of ['wheel', 'pointerdown', 'pointermove', 'keydown', 'resize']) target.removeEventListener(type, this.#kick);
    this.#listening = [];
    for (const key of [...this.#shown.keys()]) this.#drop(key);
  }

  #kick = (event: Event): void => {
    if (event.type === 'pointermove' && !(event as PointerEvent).buttons) return;
    this.update();
  };

  /** Listens for the input that moves the view: on the clipping box (and the element whose shadow root holds it) and the window. */
  #listen(): void {
    const clip = this.#clipElement();
    const owner = clip?.getRootNode() instanceof ShadowRoot ? (clip.getRootNode() as ShadowRoot).host : undefined;
    const targets: EventTarget[] = [clip, owner].filter((t): t is Element => !!t);
    for (const target of targets)
      for (const type of ['wheel', 'pointerdown', 'pointermove', 'keydown']) target.addEventListener(type, this.#kick, { passive: true });
    globalThis.addEventListener('resize', this.#kick, { passive: true });
    this.#listening = [...targets, globalThis];
  }

  /** The nearest ancestor (flat tree) that clips its content: the viewport's box. */
  #clipElement(): Element | undefined {
    if (this.#clip?.isConnected) return this.#clip;
    for (let at = flatParent(this.#host); at; at = flatParent(at)) {
      const { overflowX, overflowY } = getComputedStyle(at);
      if (overflowX !== 'visible' || overflowY !== 'visible') return (this.#clip = at);
    }
    return undefined;
  }

  #tick = (): void => {
    this.#frame = undefined;
    if (this.#abort.signal.aborted || !this.#container.isConnected) return;
    this.#measure();
    if (this.#still < STILL_FRAMES) this.#frame = requestAnimationFrame(this.#tick);
  };

  #measure(): void {
    const source = this.#source;
    if (!source) return;
    const clip = this.#clipElement();
    const window: Box = { x: 0, y: 0, w: globalThis.innerWidth, h: globalThis.innerHeight };
    let bounds = window;
    if (clip) {
      const c = rectOf(clip);
      const x = Math.max(c.x, 0);
      const y = Math.max(c.y, 0);
      bounds = { x, y, w: Math.max(0, Math.min(c.x + c.w, window.w) - x), h: Math.max(0, Math.min(c.y + c.h, window.h) - y) };
    }
    const seen = visiblePart(rectOf(this.#container), bounds, this.#page);
    const last = this.#last;
    const now = performance.now();
    const same = (a: number, b: number) => Math.abs(a - b) < 0.01;
    if (last && same(last.pxPerUnit, seen.pxPerUnit) && (['x', 'y', 'w', 'h'] as const).every((k) => same(last.area[k], seen.area[k]))) {
      this.#still++;
      // Still: the level the scale needs, once the scale has dwelt.
      if (this.#factor !== undefined && now - this.#scaleChangedAt >= LEVEL_DWELL_MS) this.#apply(seen, now);
      return;
    }
    if (!last || !same(last.pxPerUnit, seen.pxPerUnit)) this.#scaleChangedAt = now;
    this.#still = 0;
    this.#last = seen;
    this.#apply(seen, now);
  }

  #apply({ area, pxPerUnit }: { area: Box; pxPerUnit: number }, now: number): void {
    const source = this.#source!;
    if (!(area.w > 0 && area.h > 0 && pxPerUnit > 0)) return;
    const needed = levelFor(source, this.#page.width, pxPerUnit * (globalThis.devicePixelRatio || 1));
    // While the scale moves, the level stays (the first one is taken at once).
    if (this.#factor === undefined || (needed !== this.#factor && now - this.#scaleChangedAt >= LEVEL_DWELL_MS)) this.#factor = needed;
    const factor = this.#factor;
    const view = pageToImage(source, this.#page, area);
    const keep = grow(view, Math.max(view.w, view.h) / 2);
    // At a level no sharper than the small image under the tiles, that image is enough.
    const wanted = source.width / factor <= this.#baseWidth ? [] : tilesIn(source, factor, view);
    for (const tile of wanted) {
      const key = `${factor}/${tile.col}/${tile.row}`;
      if (!this.#shown.has(key)) this.#add(key, tile);
    }
    const complete = wanted.every((tile) => {
      const shown = this.#shown.get(`${factor}/${tile.col}/${tile.row}`);
      return shown?.loaded || shown?.failed;
    });
    for (const [key, { tile, loaded }] of this.#shown) {
      if (!overlaps(tile.region, keep)) this.#drop(key);
      // Another level: cancelled while it loads, kept under the new one until that is in.
      else if (tile.factor !== factor && (!loaded || complete)) this.#drop(key);
    }
    if (this.#shown.size > MAX_TILES) {
      const centre = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      const far = [...this.#shown.entries()]
        .map(([key, { tile }]) => ({
          key,
          d: (tile.factor === factor ? 0 : 1e12) + Math.hypot(tile.region.x - centre.x, tile.region.y - centre.y),
        }))
        .sort((a, b) => b.d - a.d);
      for (const { key } of far.slice(0, this.#shown.size - MAX_TILES)) this.#drop(key);
    }
  }

  #add(key: string, tile: Tile): void {
    const source = this.#source!;
    const img = document.createElement('img');
    const place = imageToPage(source, this.#page, tile.region);
    img.alt = '';
    img.decoding = 'async';
    img.draggable = false;
    // Finer levels over coarser ones.
    img.style.zIndex = String(Math.round(40 - Math.log2(tile.factor)));
    img.style.left = `${place.x}px`;
    img.style.top = `${place.y}px`;
    img.style.width = `${place.w}px`;
    img.style.height = `${place.h}px`;
    const shown: Shown = { img, tile, loaded: false, failed: false };
    img.onload = () =>
      void img.decode().then(
        () => this.#loaded(key, shown),
        () => this.#loaded(key, shown),
      );
    img.onerror = () => {
      shown.failed = true;
      this.#reapply();
    };
    img.src = tileUrl(source, tile);
    this.#shown.set(key, shown);
    this.#container.append(img);
  }

  #loaded(key: string, shown: Shown): void {
    if (this.#shown.get(key) !== shown) return;
    shown.loaded = true;
    shown.img.classList.add('in');
    this.#reapply();
  }

  /** The level's tiles may now all be in: the ones under them can go. */
  #reapply(): void {
    if (this.#last && !this.#abort.signal.aborted) this.#apply(this.#last, performance.now());
  }

  #drop(key: string): void {
    const shown = this.#shown.get(key);
    if (!shown) return;
    this.#shown.delete(key);
    shown.img.onload = shown.img.onerror = null;
    // An empty src stops a fetch under way.
    if (!shown.loaded) shown.img.removeAttribute('src');
    shown.img.remove();
  }
}
