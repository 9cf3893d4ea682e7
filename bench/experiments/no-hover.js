/*
 * Does the region hover's fade make the pan's raster? Adds to every typeset page a rule that
 * keeps the regions unlit. The pan's start moves the mouse onto a new article (it lights up, a
 * 120 ms fade redrawn every frame), and the drag's pointer capture makes it leave again (another
 * fade): at 4× each fade repaints the article's tiles of the page layer on every frame.
 * Seen in traced loads (frame-timeline, load 3–11): the pan's raster of the page layer 240–450
 * tiles, 74–136 ms CPU → 31–68 tiles, 36–42 ms; in 6 of 14 loads without the script the pan's
 * first long frame rastered 14–30 tiles as the mouse reached an article, never more than 5 with
 * it. compare.mjs at load 11–12: renderer CPU 600 → 550 ms (medians of 5); its frame counts
 * were the machine's load, not the page's.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- one function expression, evaluated in the page by the bench
async () => {
  const pages = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'e-paper-page' && el.shadowRoot) pages.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.region.hover .shape { fill: transparent !important; stroke: transparent !important; transition: none !important }');
  for (const p of pages) p.shadowRoot.adoptedStyleSheets = [...p.shadowRoot.adoptedStyleSheets, sheet];
  return pages.length;
};
