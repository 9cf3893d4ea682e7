/*
 * Raster in steps, the mechanism only: Chromium holds the next main frame until every tile of
 * the new raster that is in view is drawn (the pending tree's tiles required for activation).
 * When the stage's slot gets a new scale (the page drawn again), the box is clipped to its middle
 * 30 %, two frames later to 70 %, two frames later not at all: each step makes a third of the
 * view's tiles required. Seen: the 21-tile frame (50–130 ms) became steps of 9–10 tiles of which
 * none, or one at 33 ms, was over 33 ms. The rest of the box is blank meanwhile, which is why
 * this is no fix: the page drawn again is one layer, and the stretched raster of the rest is gone
 * the moment it is invalidated.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- one function expression, evaluated in the page by the bench
async () => {
  // Experiment: when the page is drawn again (the slot's scale changes), clip the box to a band
  // for the first frames, widening it frame by frame, to see whether the re-raster then spreads.
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
  const box = vp.shadowRoot.querySelector('.box');
  const slot = vp.shadowRoot.querySelector('.stage > slot');
  const h = box.clientHeight,
    w = box.clientWidth;
  const steps = [[0.35, 0.65], [0.15, 0.85], null];
  let last = slot.style.transform;
  window.__clipSteps = 0;
  new MutationObserver(() => {
    if (slot.style.transform === last) return;
    last = slot.style.transform;
    window.__clipSteps++;
    let i = 0;
    const apply = () => {
      const s = steps[i++];
      box.style.clip = s ? `rect(${Math.round(s[0] * h)}px, ${w}px, ${Math.round(s[1] * h)}px, 0px)` : '';
      if (s) requestAnimationFrame(() => requestAnimationFrame(apply));
    };
    apply();
  }).observe(slot, { attributes: true, attributeFilter: ['style'] });
  return { w, h };
};
