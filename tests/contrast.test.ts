/**
 * Contrast of the viewer's own controls, light and dark: the text of every control and panel
 * (toolbar, list, search, calendar, page strip, reader) against what is painted behind it, and
 * panels that hide the page under them. Computed from the styles as drawn (colours, opacity,
 * backgrounds up the composed tree), with WCAG 2's thresholds.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { EPaper } from '../src/elements/e-paper/e-paper.js';
import { multiPageEdition } from '../scripts/editions-from-a1.js';
import { contrast, over, rgba, type Rgba } from './colour.js';
import { A1_URL, frames, loadA1, mountViewer, until } from './helpers.js';

const ARCHIVE = '/fixtures/archive.json?days=30&last=2021-01-08';

/** The element that paints behind `node`: its slot if it is slotted, else its parent, across shadow roots. */
const paintParent = (node: Element): Element | null =>
  node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/** What is drawn behind `node`: its own and its ancestors' backgrounds, composited down to the first opaque one. */
function backdrop(node: Element): Rgba | undefined {
  const layers: Rgba[] = [];
  for (let at: Element | null = node; at; at = paintParent(at)) {
    const style = getComputedStyle(at);
    if (style.backgroundImage !== 'none') return undefined;
    const colour = rgba(style.backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** The opacity `node` is drawn with: its own times its ancestors'. */
function opacity(node: Element): number {
  let value = 1;
  for (let at: Element | null = node; at; at = paintParent(at)) value *= Number(getComputedStyle(at).opacity);
  return value;
}

/** Every element under `root` (shadow roots and slots followed) that shows text of its own, or is a text field. */
function textElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element) => {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    // Disabled controls are exempt (WCAG 1.4.3), and so is text hidden from sight.
    if (node.matches('[aria-disabled="true"], :disabled') || style.clipPath === 'inset(50%)') return;
    const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
    if ((ownText || node.localName === 'input') && node.getClientRects().length) found.push(node);
    const children = node.shadowRoot
      ? [...node.shadowRoot.children]
      : node instanceof HTMLSlotElement
        ? node.assignedElements({ flatten: true })
        : [...node.children];
    children.forEach(visit);
  };
  visit(root);
  return found;
}

/** The text under `root` below its WCAG minimum (4.5:1, or 3:1 for large text), described. */
function lowContrast(root: Element): string[] {
  const failures: string[] = [];
  const elements = textElements(root);
  expect(elements.length, `text under <${root.localName}>`).to.be.greaterThan(0);
  for (const node of elements) {
    const behind = backdrop(node);
    if (!behind) continue;
    const style = getComputedStyle(node);
    const ink = rgba(style.color);
    ink[3] *= opacity(node);
    const ratio = contrast(over(ink, behind), behind);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5))
      failures.push(`${node.localName}.${node.className} "${node.textContent!.trim().slice(0, 20)}" ${ratio.toFixed(2)}:1`);
  }
  return failures;
}

for (const theme of ['light', 'dark'] as const) {
  describe(`contrast of the controls (${theme})`, () => {
    let el: EPaper;
    const root = () => el.shadowRoot!;
    const part = (tag: string) => root().querySelector(tag)!;

    before(async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const edition = multiPageEdition(await loadA1(), 3, { fontBase: A1_URL });
      el = await mountViewer<EPaper>((e) => {
        e.noPersist = true;
        e.theme = theme;
        e.archive = ARCHIVE;
        e.edition = edition;
      });
      await until(() => !!part('e-paper-archive')?.shadowRoot?.querySelector('.date'), 'the archive picker');
      await until(() => !!part('e-paper-pages')?.shadowRoot?.querySelector('nav'), 'the page strip');
      await until(() => !!part('e-paper-contents')?.shadowRoot?.querySelector('.toggle'), 'the list');
    });
    after(async () => {
      el.remove();
      await emulateMedia({ reducedMotion: 'no-preference' });
    });

    it('the toolbar and the page strip', () => {
      expect([...lowContrast(part('e-paper-toolbar')), ...lowContrast(part('e-paper-pages'))]).to.deep.equal([]);
    });

    it('the list of articles: opaque, and its text readable', async () => {
      const contents = part('e-paper-contents');
      contents.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
      await until(() => !!contents.shadowRoot!.querySelector('[part~="contents-panel"]'), 'the panel');
      await frames();
      const panel = contents.shadowRoot!.querySelector('[part~="contents-panel"]')!;
      expect(lowContrast(panel)).to.deep.equal([]);
      expect(rgba(getComputedStyle(panel).backgroundColor)[3], 'the panel is opaque').to.equal(1);
      contents.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    });

    it('the text view: its headings, kickers, summaries and read marks readable', async () => {
      el.view = 'text';
      await until(() => !!part('e-paper-text-view')?.shadowRoot?.querySelector('.summary'), 'the text view');
      // A read mark, as the reading state gives it.
      const list = part('e-paper-text-view') as HTMLElement & { readArticles: ReadonlySet<string>; updateComplete: Promise<unknown> };
      list.readArticles = new Set(['a2']);
      await list.updateComplete;
      expect(list.shadowRoot!.querySelector('.read-mark'), 'a read mark').to.exist;
      expect(lowContrast(list.shadowRoot!.querySelector('[part~="text-view"]')!)).to.deep.equal([]);
      // The toolbar's toggle, pressed.
      expect(lowContrast(part('e-paper-toolbar'))).to.deep.equal([]);
      el.view = 'page';
      await el.updateComplete;
    });

    it('the search and its results: opaque, and readable', async () => {
      root().querySelector<HTMLButtonElement>('.search-toggle')!.click();
      await until(() => !!part('e-paper-search')?.shadowRoot?.querySelector('input'), 'the search');
      const search = part('e-paper-search');
      const input = search.shadowRoot!.querySelector('input')!;
      input.value = '株洲';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await until(() => !!search.shadowRoot!.querySelector('mark'), 'the results');
      await frames();
      const panel = search.shadowRoot!.querySelector('[part~="search-panel"]')!;
      expect(lowContrast(panel)).to.deep.equal([]);
      expect(rgba(getComputedStyle(panel).backgroundColor)[3], 'the panel is opaque').to.equal(1);
      root().querySelector<HTMLButtonElement>('.search-toggle')!.click();
      await frames();
    });

    it('the calendar, its chosen day included: opaque, and readable', async () => {
      const archive = part('e-paper-archive');
      archive.shadowRoot!.querySelector<HTMLButtonElement>('.date')!.click();
      await until(() => !!archive.shadowRoot!.querySelector('[part~="archive-calendar"] [aria-selected="true"]'), 'the calendar');
      await frames();
      const calendar = archive.shadowRoot!.querySelector('[part~="archive-calendar"]')!;
      const chosen = calendar.querySelector('[aria-selected="true"]')!;
      expect(textElements(calendar), 'the chosen day is checked').to.include(chosen);
      expect(lowContrast(calendar)).to.deep.equal([]);
      expect(rgba(getComputedStyle(calendar).backgroundColor)[3], 'the calendar is opaque').to.equal(1);
      archive.shadowRoot!.querySelector<HTMLButtonElement>('.date')!.click();
    });

    it('the reader’s controls', async () => {
      el.openArticle('a6');
      await until(() => !!part('e-paper-reader')?.shadowRoot?.querySelector('[part~="header"]'), 'the reader');
      await frames();
      const reader = part('e-paper-reader').shadowRoot!;
      expect([...reader.querySelectorAll('[part~="header"], [part~="controls"]')].flatMap(lowContrast)).to.deep.equal([]);
      el.closeArticle();
    });
  });
}
