import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Page } from '../../edition/schema.js';
import type { TileLayer } from './tile-layer.js';

/** The tile layer's module, once loaded (a lazy part). */
let tileLayer: typeof TileLayer | undefined;

interface Host extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * A tiled scan page's tile layer (`tile-layer.ts`, a lazy part): loaded when a page with
 * `scan.tiles` is shown (never for a thumbnail), told when the page updates (its scale), dropped
 * with the page. When the service cannot be read, the page shows its images as without tiles.
 */
export class ScanTilesController implements ReactiveController {
  #layer?: TileLayer;
  #for?: Page;
  #failed = false;

  constructor(
    private readonly host: Host,
    /** The page, the base URL, and whether the page is a thumbnail, now. */
    private readonly state: () => { page?: Page; baseUrl: string; thumbnail: boolean },
  ) {
    host.addController(this);
  }

  /** Whether the page shown is drawn with tiles (the page renders the container `.scan-tiles`). */
  get active(): boolean {
    const { page, thumbnail } = this.state();
    if (page !== this.#for) {
      this.#for = page;
      this.#failed = false;
      this.hostDisconnected();
    }
    return !!page?.scan?.tiles && !thumbnail && !this.#failed;
  }

  hostUpdated(): void {
    const { page, baseUrl } = this.state();
    const container = this.active ? this.host.renderRoot.querySelector<HTMLElement>('.scan-tiles') : null;
    if (this.#layer && this.#layer.container === container) return this.#layer.update();
    this.hostDisconnected();
    if (!container) return;
    if (tileLayer) this.#layer = new tileLayer(this.host, container, page!, baseUrl, this.#fail);
    else void import('./tile-layer.js').then((m) => ((tileLayer = m.TileLayer), this.host.requestUpdate()), this.#fail);
  }

  hostDisconnected(): void {
    this.#layer?.dispose();
    this.#layer = undefined;
  }

  #fail = (): void => {
    this.#failed = true;
    this.hostDisconnected();
    this.host.requestUpdate();
  };
}
