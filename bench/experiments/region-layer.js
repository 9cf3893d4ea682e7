/*
 * The region hover's fade, drawn in a layer of its own: `.regions { will-change: opacity }` in
 * every typeset page, so a region's fill no longer repaints the page's text. Not checked for
 * what it does to the layer tree at rest (the text and the regions then sit in separate layers
 * above the stage) nor to the click; a lead for e-paper-page's region hover, not a change.
 * Seen: the pan's text raster gone (the regions' own tiles 170–190, 8–10 ms), but compare.mjs at
 * load 8–12 (medians of 5) renderer CPU 580 → 450 ms with long animation frames 416 → 846 ms and
 * intervals over 33 ms 13 → 28: worse as it stands.
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
  sheet.replaceSync('.regions { will-change: opacity }');
  for (const p of pages) p.shadowRoot.adoptedStyleSheets = [...p.shadowRoot.adoptedStyleSheets, sheet];
  return pages.length;
};
