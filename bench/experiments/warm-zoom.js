/*
 * Is the re-raster at a new scale slow because its glyphs are new to the glyph cache? Makes the
 * benchmark's own zoom (the same wheel notches at the same point, so the same scale and glyph
 * positions), waits, fits the page again; the measured zoom follows. Seen: the same raster CPU
 * (21 tiles, 27–29 ms either way): the cost is drawing the text (drawTextBlob, three quarters of
 * the raster threads' time), not rasterising glyphs.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- one function expression, evaluated in the page by the bench
async () => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'e-paper-viewport') return el;
      if (el.shadowRoot) {
        const f = find(el.shadowRoot);
        if (f) return f;
      }
    }
    return null;
  };
  const vp = find(document);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const target = (4 * 900) / 2860;
  let n = 0;
  while (vp.scale < target * 0.999 && n < 40) {
    vp.dispatchEvent(
      new WheelEvent('wheel', { clientX: 640, clientY: 480, deltaY: -100, ctrlKey: true, bubbles: true, composed: true, cancelable: true }),
    );
    n++;
    await sleep(50);
  }
  await sleep(1500);
  const mid = vp.view;
  vp.fit('page', { animate: false });
  await sleep(1500);
  return { n, mid, after: vp.view };
};
