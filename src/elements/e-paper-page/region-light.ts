/**
 * The tint of a lit region, drawn in a layer of its own. A region is lit while the mouse is over it
 * (`.hover`), the keyboard's focus is on it (`:focus-visible`) or the viewer points at it
 * (`.active`). Its shapes on the page stay unpainted (only an article read keeps its steady tint):
 * the tint, the outline and the focus ring are copies of its shapes in an `<svg>` the size of its
 * box, in a container over the page that is a compositor layer from the start and holds nothing
 * else. Lighting, fading or unlighting a region thus repaints only the tiles of that layer under
 * it (a few fills, no text) and none of the page's text (issue 22: the fill's fade repainted the
 * article's tiles of the typeset page in every frame).
 *
 * Measured, not chosen by taste: each light a layer of its own (`will-change`, or an `opacity`
 * animation, which the compositor takes as one) made the hover's frame 3–5× longer (a new layer
 * in the page as the mouse arrives); the container made a layer once, at idle, does not. So the
 * fade animates `fill-opacity` and `stroke-opacity`, which stay on the main thread and repaint
 * only that layer.
 *
 * The copies are no part of the accessible tree (their container is `aria-hidden`) and take no
 * pointer: the regions stay the focusable list they were. A module of its own, out of the first
 * render, with its styles: the page loads it with the first pointer or focus on it, or at idle.
 */
import { css } from 'lit';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The fade of a region's tint (ms), as the fill's transition was. */
export const FADE_MS = 120;

/** A light at full strength; the fades go from and to none of it. */
const SHOWN = { fillOpacity: 1, strokeOpacity: 1 };

/** Page units around the region's box, for the outline drawn across its edge. */
const PAD = 8;

/** The lights' looks, added to the page's styles (the region's own are in e-paper-page.styles.ts). */
export const lightStyles = css`
  .lights {
    position: absolute;
    inset: 0;
    pointer-events: none;
    will-change: opacity;
  }
  /* Not over a scan: there the layer, the page's size at the scale shown, cost the pan dearly
     (bench:tiles at 3×: 88 frame intervals over 33 ms, 2 without it), and a tint repaints only
     images, no text. */
  .scan ~ .lights {
    will-change: auto;
  }
  .lit {
    position: absolute;
    overflow: visible;
  }
  .lit .shape {
    fill: var(--_region-tint);
    stroke: var(--_region-outline);
  }
  /* An article read keeps its own tint, under the outline. */
  .lit.read .shape {
    fill: transparent;
  }
  .lit.focus .shape {
    stroke: var(--_focus);
    stroke-width: 4px;
  }
  @media (forced-colors: active) {
    .lit.hover .shape,
    .lit.focus .shape {
      stroke: Highlight;
    }
  }
`;

/** What the light needs of the page. */
export interface LightHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Whether its reader is open over it (`reading`: no fade then). */
  hasAttribute(name: string): boolean;
}

interface Light {
  svg: SVGSVGElement;
  /** The fade out under way. */
  out?: Animation;
}

export class RegionLight {
  readonly #lights = new Map<SVGGElement, Light>();
  readonly #observer = new MutationObserver((records) => {
    for (const { target } of records) if (target instanceof SVGGElement && target.classList.contains('region')) this.sync(target);
  });
  #layer?: Element;
  #container?: Element;
  /** A hover change held back while a button was down: settled when it comes up. */
  #held?: AbortController;

  constructor(
    private readonly host: LightHost,
    /** Tells the page's owner that the mouse entered or left a region (its `e-paper-region-*` events). */
    private readonly hovered: (region: SVGGElement, entered: boolean, event: Event) => void,
  ) {
    const root = host.renderRoot;
    if (root instanceof ShadowRoot && lightStyles.styleSheet)
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, lightStyles.styleSheet];
  }

  /**
   * Watches the regions of `layer` (the page's regions `<svg>`), lighting them in a container after
   * it on the sheet, and lights those lit already.
   */
  attach(layer: Element | null): void {
    if (layer === this.#layer && this.#container?.isConnected) return;
    this.clear();
    this.#observer.disconnect();
    this.#layer = layer ?? undefined;
    this.#container?.remove();
    this.#container = undefined;
    const sheet = layer?.parentElement;
    if (!layer || !sheet) return;
    // Last on the sheet, after the content the page's template renders (never inside its parts).
    this.#container = sheet.appendChild(document.createElement('div'));
    this.#container.className = 'lights';
    this.#container.ariaHidden = 'true';
    this.#observer.observe(layer, { subtree: true, attributes: true, attributeFilter: ['class'] });
    for (const region of layer.querySelectorAll<SVGGElement>('.region')) this.sync(region);
  }

  /** Takes every light away at once (another page is shown). */
  clear(): void {
    for (const { svg, out } of this.#lights.values()) {
      out?.cancel();
      svg.remove();
    }
    this.#lights.clear();
  }

  /** Lights `region` or takes its light away, as its state now asks. */
  sync(region: SVGGElement): void {
    const light = this.#lights.get(region);
    const focus = region.matches(':focus-visible');
    if (!this.#container || !region.isConnected || !(focus || region.matches('.hover, .active'))) {
      if (light && !light.out) this.#fadeOut(region, light);
      return;
    }
    if (light) {
      light.out?.cancel();
      light.out = undefined;
      if (light.svg.isConnected) return this.#mark(light.svg, region, focus);
    }
    const svg = this.#draw(region);
    this.#mark(svg, region, focus);
    this.#container.append(svg);
    this.#lights.set(region, { svg });
    if (this.#fades()) svg.animate([SHOWN, { fillOpacity: 0, strokeOpacity: 0 }].reverse(), { duration: FADE_MS });
  }

  /**
   * Holds the mouse's hover as it is while a button is down (the viewport's drag, whose pointer
   * capture makes the region "leave"; a pen's stroke), then lights what is under the pointer.
   */
  hold(): void {
    if (this.#held) return;
    const held = (this.#held = new AbortController());
    const up = (event: PointerEvent) => {
      held.abort();
      if (this.#held === held) this.#held = undefined;
      const root = this.host.renderRoot as ShadowRoot;
      const under =
        event.type === 'pointerup' ? root.elementFromPoint(event.clientX, event.clientY)?.closest<SVGGElement>('.region') : null;
      const lit = root.querySelector<SVGGElement>('.region.hover');
      if (lit && lit !== under) {
        lit.classList.remove('hover');
        this.hovered(lit, false, event);
      }
      if (under) {
        under.classList.add('hover');
        this.hovered(under, true, event);
      }
    };
    for (const type of ['pointerup', 'pointercancel'] as const) addEventListener(type, up, { capture: true, signal: held.signal });
  }

  #fadeOut(region: SVGGElement, light: Light): void {
    const done = () => {
      light.svg.remove();
      if (this.#lights.get(region) === light) this.#lights.delete(region);
    };
    if (!this.#fades()) return done();
    light.out = light.svg.animate([SHOWN, { fillOpacity: 0, strokeOpacity: 0 }], { duration: FADE_MS, fill: 'forwards' });
    light.out.onfinish = done;
  }

  /** No fade under the open reader (unseen under its veil) or where motion is to be reduced. */
  #fades(): boolean {
    return !this.host.hasAttribute('reading') && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  /** Which of the looks the light takes: the focus ring, the mouse's, an article read (no fill over its own). */
  #mark(svg: SVGSVGElement, region: SVGGElement, focus: boolean): void {
    const { classList } = region;
    svg.setAttribute(
      'class',
      ['lit', focus && 'focus', classList.contains('hover') && 'hover', classList.contains('read') && 'read'].filter(Boolean).join(' '),
    );
  }

  /** Copies of the region's shapes in an `<svg>` over its box, in page units. */
  #draw(region: SVGGElement): SVGSVGElement {
    const box = region.getBBox();
    const [x, y, w, h] = [box.x - PAD, box.y - PAD, box.width + 2 * PAD, box.height + 2 * PAD];
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
    svg.style.cssText = `left:${x}px;top:${y}px;width:${w}px;height:${h}px`;
    svg.dataset.articleId = region.dataset.articleId ?? '';
    for (const shape of region.querySelectorAll('.shape')) svg.append(shape.cloneNode());
    return svg;
  }
}
