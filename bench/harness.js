// Injected by run.mjs into every bench page before its own scripts (an init script, so it costs
// no network bytes): frame timestamps, long animation frames, input event counts, the click →
// article text timing, and an adapter per viewer (scale, where an article is, whether its text
// is shown, the view for the reload check). Plain script, no globals but window.__harness.
/* global OpenSeadragon -- the OpenSeadragon page's own global, read only on that page */
(() => {
  if (window.__harness) return;
  const viewer = /\/(e-paper|osd|pdfjs)\.html$/.exec(location.pathname)?.[1] ?? 'unknown';
  const H = (window.__harness = { viewer, counting: false, frames: null, loaf: [], lastZoom: null });
  const EVENTS = ['wheel', 'pointermove', 'pointerdown', 'pointerup'];
  H.events = Object.fromEntries(EVENTS.map((type) => [type, 0]));
  try {
    performance.setResourceTimingBufferSize(100000);
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        H.loaf.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration ?? 0,
          styleAndLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: (e.scripts ?? []).map((s) => ({
            invoker: s.invoker,
            ms: Math.round(s.duration),
            source: `${s.sourceURL.split('/').pop()}:${s.sourceFunctionName}`,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
    H.loafSupported = true;
  } catch {
    H.loafSupported = false;
  }
  // Event Timing: the input events that took 16 ms or more from input to the next paint (the
  // click's longest one is reported beside click → text).
  H.eventTiming = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        H.eventTiming.push({
          name: e.name,
          start: e.startTime,
          duration: e.duration,
          processing: e.processingEnd - e.processingStart,
          delay: e.processingStart - e.startTime,
        });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {}
  // Largest-contentful-paint candidates (the scaling scenario reports the last one before input).
  H.lcp = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        H.lcp.push({ t: e.startTime, size: e.size, url: e.url || undefined });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
  H.paints = () => ({
    firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    lcp: H.lcp.at(-1)?.t ?? null,
    lcpCandidates: H.lcp,
  });
  for (const type of EVENTS) {
    addEventListener(
      type,
      () => {
        if (H.counting) H.events[type]++;
      },
      { capture: true, passive: true },
    );
  }
  document.addEventListener(
    'e-paper-zoom',
    (event) => {
      H.lastZoom = event.detail;
    },
    true,
  );
  document.addEventListener(
    'e-paper-article-open',
    (event) => {
      (H.articleOpenEvents ??= []).push({ t: performance.now(), detail: event.detail });
    },
    true,
  );

  // ---- deep queries (open shadow roots) ------------------------------------------------------
  const deepQuery = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = deepQuery(el.shadowRoot, selector);
        if (inner) return inner;
      }
    }
    return null;
  };
  /** The element whose own text holds `probe`, searched through open shadow roots. */
  const textElement = (root, probe) => {
    const search = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (child.data.includes(probe)) return child.parentElement;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const found = (child.shadowRoot && search(child.shadowRoot)) || search(child);
          if (found) return found;
        }
      }
      return null;
    };
    return (root.shadowRoot && search(root.shadowRoot)) || search(root);
  };
  const visible = (el) => !!el && el.isConnected && (el.checkVisibility?.() ?? el.getClientRects().length > 0);
  const center = (r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

  // ---- adapters ------------------------------------------------------------------------------
  const epaper = {
    viewport: () => deepQuery(document, 'e-paper-viewport'),
    scale() {
      const vp = this.viewport();
      if (typeof vp?.scale === 'number') return vp.scale;
      const host = document.querySelector('e-paper');
      if (typeof host?.view?.scale === 'number') return host.view.scale;
      return H.lastZoom?.scale ?? null;
    },
    view() {
      const vp = this.viewport();
      if (typeof vp?.scale === 'number' && vp.center) return { scale: vp.scale, center: { ...vp.center }, source: 'viewport' };
      const host = document.querySelector('e-paper');
      if (host?.view?.scale && host.view.center) return { scale: host.view.scale, center: { ...host.view.center }, source: 'e-paper.view' };
      if (H.lastZoom) return { scale: H.lastZoom.scale, center: { ...H.lastZoom.center }, source: 'e-paper-zoom' };
      return null;
    },
    articlePoint(id) {
      const region = deepQuery(document, `.region[data-article-id="${CSS.escape(id)}"]`);
      if (!region) return null;
      const shape = region.querySelector('rect, polygon, path') ?? region;
      return center(shape.getBoundingClientRect());
    },
    articleShown(probe) {
      const reader = deepQuery(document, 'e-paper-reader');
      return !!reader && visible(textElement(reader, probe));
    },
    sheet: () => deepQuery(document, '[part~="page"]'),
  };
  const osd = {
    scale: () => {
      const v = window.viewer?.viewport;
      return v ? (v.getZoom(false) * v.getContainerSize().x) / 2000 : null;
    },
    articlePoint(id) {
      const rect = window.benchRects?.find((r) => r.articleId === id);
      if (!rect || !window.viewer) return null;
      const { x, y, w, h } = rect.image;
      const p = window.viewer.viewport.imageToViewerElementCoordinates(new OpenSeadragon.Point(x + w / 2, y + h / 2));
      const box = window.viewer.element.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
  const pdfjs = {
    scale: () => window.pdfViewer?.currentScale ?? null,
    articlePoint(id) {
      const rect = window.benchData?.rects.find((r) => r.articleId === id);
      const wrapper = window.pdfViewer?.getPageView(0)?.div.querySelector('.canvasWrapper');
      if (!rect || !wrapper) return null;
      const box = wrapper.getBoundingClientRect();
      const k = box.width / window.benchData.page.width;
      return { x: box.left + (rect.page.x + rect.page.w / 2) * k, y: box.top + (rect.page.y + rect.page.h / 2) * k };
    },
  };
  const panelShown = (probe) => {
    const panel = document.getElementById('panel');
    return !!panel && !panel.hidden && visible(textElement(panel, probe));
  };
  osd.articleShown = panelShown;
  pdfjs.articleShown = panelShown;
  H.adapter = { 'e-paper': epaper, osd, pdfjs }[viewer] ?? {};
  H.scale = () => H.adapter.scale?.() ?? null;
  H.articlePoint = (id) => H.adapter.articlePoint?.(id) ?? null;
  H.view = () => H.adapter.view?.() ?? null;

  // ---- frames and long animation frames over a window ------------------------------------------
  /** Marks where a part of the interaction begins (zoom, pan, settle), to attribute frames to it. */
  H.phase = (name) => {
    H.phases.push({ name, t: performance.now() });
  };
  H.start = () => {
    H.phases = [];
    H.frames = [];
    for (const type of EVENTS) H.events[type] = 0;
    H.counting = true;
    H.t0 = performance.now();
    const loop = (t) => {
      if (!H.frames) return;
      H.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  H.stop = () => {
    const t1 = performance.now();
    const frames = H.frames ?? [];
    H.frames = null;
    H.counting = false;
    const intervals = frames.slice(1).map((t, i) => Math.round((t - frames[i]) * 100) / 100);
    const loaf = H.loaf.filter((e) => e.start >= H.t0 && e.start < t1);
    // Per part of the interaction: frame intervals over 33 ms (by the frame that ends them) and LoAF ms.
    const parts = {};
    const partOf = (t) => [...H.phases].reverse().find((p) => p.t <= t)?.name ?? 'start';
    for (let i = 1; i < frames.length; i++) {
      const part = (parts[partOf(frames[i])] ??= { over33: 0, loafMs: 0 });
      if (frames[i] - frames[i - 1] > 33) part.over33++;
    }
    for (const e of loaf) (parts[partOf(e.start)] ??= { over33: 0, loafMs: 0 }).loafMs += e.duration;
    // Kept for bench/frame-timeline.mjs, which lines the frames up with a trace.
    H.lastRun = { frames, phases: H.phases };
    return {
      parts,
      duration: t1 - H.t0,
      frames: frames.length,
      intervals,
      loafSupported: H.loafSupported,
      loafCount: loaf.length,
      loafTotal: loaf.reduce((sum, e) => sum + e.duration, 0),
      loafBlocking: loaf.reduce((sum, e) => sum + e.blocking, 0),
      events: { ...H.events },
    };
  };

  // ---- click → article text shown ------------------------------------------------------------
  // Armed with a bit of the article's text; starts at the pointerup of the click (its event
  // timestamp, the input's own time) and ends after the frame in which the text is first in the
  // DOM and visible: checked at every animation frame, then a task after that frame's paint.
  H.armClick = (probe) => {
    H.click = { probe, armed: performance.now(), start: null, shown: null };
  };
  addEventListener(
    'pointerup',
    (event) => {
      const click = H.click;
      if (!click || click.start !== null) return;
      click.start = event.timeStamp;
      const poll = () => {
        if (H.click !== click) return;
        if (H.adapter.articleShown?.(click.probe)) {
          setTimeout(() => {
            click.shown = performance.now();
            performance.mark('article-shown');
          });
        } else if (performance.now() - click.start < 5000) requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    },
    { capture: true, passive: true },
  );

  // ---- e-paper: the view at every frame until ready (for the reload check) ---------------------
  if (viewer === 'e-paper') {
    H.viewFrames = [];
    document.addEventListener(
      'e-paper-ready',
      (event) => {
        H.readyView = epaper.view();
        H.readyAt = performance.now();
        H.readyDetail = event.detail;
      },
      { once: true, capture: true },
    );
    let sheet = null;
    const sample = (t) => {
      if (!sheet?.isConnected) sheet = epaper.sheet();
      const shown = !!sheet && sheet.getBoundingClientRect().width > 0;
      if (shown) H.viewFrames.push({ t, view: epaper.view() });
      if (H.readyAt === undefined || H.viewFrames.length < 2) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }
})();
