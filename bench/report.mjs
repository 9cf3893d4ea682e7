// The statistics and the tables the bench prints: medians and ranges per viewer, the issue's
// targets, and the scaling scenario's table and targets.
import { SCALE_LIMIT, VIEWERS, SCALE_VARIANTS } from './cli.mjs';

// ---- statistics and the table ---------------------------------------------------------------------

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const METRICS = [
  { key: 'readyMs', label: 'navigation → ready (ms)', get: (r) => r.readyMs, digits: 0 },
  { key: 'jsKB', label: 'JS transferred (KB)', get: (r) => r.load?.jsEncoded / 1024, digits: 1 },
  { key: 'jsDecodedKB', label: 'JS decoded (KB)', get: (r) => r.load?.jsDecoded / 1024, digits: 1 },
  { key: 'jsEndKB', label: 'JS transferred by the end of the visit (KB)', get: (r) => r.toEnd?.jsEncoded / 1024, digits: 1 },
  { key: 'allKB', label: 'all transferred to ready (KB)', get: (r) => r.load?.allEncoded / 1024, digits: 1 },
  { key: 'heapMB', label: 'JS heap after GC (MB)', get: (r) => r.heapMB, digits: 2 },
  { key: 'cpuReady', label: 'CPU to ready, all processes (ms)', get: (r) => r.cpuToReadyMs, digits: 0 },
  { key: 'fps', label: 'interaction: frames per second', get: (r) => r.interaction?.fps, digits: 1 },
  { key: 'over33', label: 'interaction: frame intervals > 33 ms', get: (r) => r.interaction?.intervalsOver33, digits: 0 },
  { key: 'maxInterval', label: 'interaction: longest frame interval (ms)', get: (r) => r.interaction?.maxIntervalMs, digits: 0 },
  {
    key: 'loaf',
    label: 'interaction: long animation frames (ms)',
    get: (r) => (r.interaction?.loafSupported ? r.interaction.loafTotalMs : null),
    digits: 0,
  },
  { key: 'dropped', label: 'interaction: compositor frames dropped', get: (r) => r.interaction?.droppedFrames, digits: 0 },
  { key: 'inputs', label: 'interaction: input events handled', get: (r) => r.interaction?.inputHandled, digits: 0 },
  { key: 'rendererCpu', label: 'interaction: renderer CPU (ms)', get: (r) => r.interaction?.rendererCpuMs, digits: 0 },
  { key: 'interactionKB', label: 'interaction: bytes fetched (KB)', get: (r) => r.interaction?.bytes?.allEncoded / 1024, digits: 1 },
  { key: 'clickMs', label: 'click → article text (ms)', get: (r) => r.click?.ms, digits: 1 },
  {
    key: 'restored',
    label: 'reload → position restored',
    get: (r) => (r.reload ? (r.reload.restored === null ? null : r.reload.inFirstFrame ? 2 : r.reload.restored ? 1 : 0) : undefined),
    kind: 'restore',
  },
];

export function stats(runs, get) {
  const values = runs.map(get).filter((v) => typeof v === 'number' && Number.isFinite(v));
  const applies = runs.some((r) => get(r) !== undefined);
  return values.length
    ? { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length, of: runs.length }
    : { median: null, n: 0, of: runs.length, applies };
}

export function summarise(results) {
  const summary = {};
  for (const viewer of VIEWERS) {
    const runs = results.filter((r) => r.viewer === viewer.id && !r.warmup);
    summary[viewer.id] = {};
    for (const m of METRICS) summary[viewer.id][m.key] = stats(runs, m.get);
  }
  return summary;
}

export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const fmt = (v, digits) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits));

export function cell(stat, m) {
  if (m.kind === 'restore') {
    if (stat.median === null) return stat.applies === false ? '–' : 'n/a';
    const word = (v) => (v === 2 ? 'yes, 1st frame' : v === 1 ? 'at ready only' : 'no');
    return stat.min === stat.max ? `${word(stat.min)} (${stat.n}/${stat.of})` : `${word(stat.min)}…${word(stat.max)}`;
  }
  if (stat.median === null) return 'n/a';
  const partial = stat.n < stat.of ? ` [${stat.n}/${stat.of}]` : '';
  if (stat.n === 1) return `${fmt(stat.median, m.digits)}${partial}`;
  return `${fmt(stat.median, m.digits)} (${fmt(stat.min, m.digits)}–${fmt(stat.max, m.digits)})${partial}`;
}

export function ratio(a, b) {
  if (a?.median === null || b?.median === null || a === undefined || b === undefined) return 'n/a';
  if (b.median === 0) return a.median === 0 ? '=' : '∞';
  return `${(a.median / b.median).toFixed(2)}×`;
}

export function table(summary) {
  const peers = VIEWERS.filter((v) => v.id !== 'e-paper');
  const header = ['metric (median, min–max)', ...VIEWERS.map((v) => v.label), ...peers.map((p) => `e-paper/${p.label}`)];
  const rows = METRICS.map((m) => [
    m.label,
    ...VIEWERS.map((v) => cell(summary[v.id][m.key], m)),
    ...peers.map((p) => (m.kind === 'restore' ? '' : ratio(summary['e-paper'][m.key], summary[p.id][m.key]))),
  ]);
  return markdownTable(header, rows);
}

/** The targets, against OpenSeadragon (`peer`: its DZI set-up, or the one PNG) in the same run. */
export function targets(summary, peer = 'osd') {
  const e = summary['e-paper'];
  const o = summary[peer];
  const out = [];
  const check = (name, ok, detail) => out.push({ name, met: ok, detail });
  const r = (k) => (e[k].median !== null && o[k].median ? e[k].median / o[k].median : null);
  /** A ratio target: e-paper's median of `key` at most `limit` × the peer's. */
  const ratio = (name, key, limit, unit, digits) => {
    const value = r(key);
    const [mine, theirs] = [e[key].median, o[key].median];
    check(
      name,
      value === null ? null : value <= limit,
      value === null
        ? 'n/a'
        : `${value.toFixed(2)}× (${fmt(mine, digits)} ${unit} vs ${fmt(theirs, digits)} ${unit}; target ≤ ${fmt(theirs * limit, digits)} ${unit})`,
    );
  };
  ratio('JS transferred ≤ 0.25× OpenSeadragon', 'jsKB', 0.25, 'KB', 1);
  ratio('all bytes ≤ 0.15× OpenSeadragon', 'allKB', 0.15, 'KB', 1);
  ratio('first full render ≤ 0.5× OpenSeadragon', 'readyMs', 0.5, 'ms', 0);
  const over = e.over33;
  check(
    'no frame interval > 33 ms',
    over.median === null ? null : over.max === 0,
    over.median === null
      ? 'n/a'
      : `${fmt(over.median, 0)} (max ${fmt(over.max, 0)}) over ${over.n} runs; OpenSeadragon ${fmt(o.over33.median, 0)}`,
  );
  const loafOk = e.loaf.median !== null && o.loaf.median !== null;
  check(
    'long-animation-frame total ≤ OpenSeadragon + 100 ms',
    loafOk ? e.loaf.median <= o.loaf.median + 100 : null,
    loafOk ? `${fmt(e.loaf.median, 0)} ms vs ${fmt(o.loaf.median, 0)} ms (target ≤ ${fmt(o.loaf.median + 100, 0)} ms)` : 'n/a',
  );
  check(
    'click → article text ≤ 25 ms',
    e.clickMs.median === null ? null : e.clickMs.median <= 25,
    e.clickMs.median === null ? 'n/a (no reader opened)' : `${fmt(e.clickMs.median, 1)} ms (OpenSeadragon ${fmt(o.clickMs.median, 1)} ms)`,
  );
  const rs = e.restored;
  check(
    'reload → position restored in the first frame',
    rs.median === null ? null : rs.min === 2,
    rs.median === null
      ? 'n/a (no view API)'
      : cell(
          rs,
          METRICS.find((m) => m.key === 'restored'),
        ),
  );
  return out;
}

// ---- the scaling scenario's figures ----------------------------------------------------------------

export const SCALE_METRICS = [
  { key: 'readyMs', label: 'navigation → ready (ms)', get: (r) => r.readyMs, digits: 0 },
  { key: 'fcpMs', label: 'first contentful paint (ms)', get: (r) => r.paints?.firstContentfulPaint, digits: 0 },
  { key: 'lcpMs', label: 'largest contentful paint (ms)', get: (r) => r.paints?.lcp, digits: 0 },
  { key: 'cpuReady', label: 'CPU to ready, all processes (ms)', get: (r) => r.cpuToReadyMs, digits: 0 },
  { key: 'jsKB', label: 'JS transferred to ready (KB)', get: (r) => r.load?.jsEncoded / 1024, digits: 1 },
  { key: 'allKB', label: 'all transferred to ready (KB)', get: (r) => r.load?.allEncoded / 1024, digits: 1 },
  { key: 'quietMs', label: 'after ready: until 12 frames on time (ms)', get: (r) => r.quietAfterReadyMs, digits: 0 },
];

/**
 * Medians and ranges per variant, and each variant against A1: the ratio of the medians (the
 * criterion) and, for reference, the ratios within each pass (loads next to each other in time).
 */
export function summariseScale(results) {
  const measured = results.filter((r) => !r.warmup);
  const summary = {};
  for (const variant of SCALE_VARIANTS) {
    const runs = measured.filter((r) => r.variant === variant.id);
    summary[variant.id] = Object.fromEntries(SCALE_METRICS.map((m) => [m.key, stats(runs, m.get)]));
  }
  const ratios = {};
  for (const variant of SCALE_VARIANTS.slice(1)) {
    ratios[variant.id] = {};
    for (const m of SCALE_METRICS) {
      const a = summary.a1[m.key];
      const b = summary[variant.id][m.key];
      const paired = [];
      for (const r of measured.filter((x) => x.variant === variant.id)) {
        const base = measured.find((x) => x.variant === 'a1' && x.round === r.round && x.pass === r.pass);
        const va = base && m.get(base);
        const vb = m.get(r);
        if (Number.isFinite(va) && Number.isFinite(vb) && va > 0) paired.push(vb / va);
      }
      ratios[variant.id][m.key] = {
        ofMedians: a.median && b.median !== null ? b.median / a.median : null,
        paired: paired.length ? { median: median(paired), min: Math.min(...paired), max: Math.max(...paired), n: paired.length } : null,
      };
    }
  }
  const archiveRuns = measured.filter((r) => r.archiveIndex);
  const archiveIndex = {
    fetched: archiveRuns.filter((r) => r.archiveIndex.fetched).length,
    beforeReady: archiveRuns.filter((r) => r.archiveIndex.beforeReady).length,
    of: archiveRuns.length,
  };
  const splitRuns = measured.filter((r) => r.pageFiles);
  const pageFiles = {
    loadsFetchingBeforeReady: splitRuns.filter((r) => r.pageFiles.beforeReady > 0).length,
    loadsFetchingByEnd: splitRuns.filter((r) => r.pageFiles.byEnd > 0).length,
    of: splitRuns.length,
  };
  return { summary, ratios, archiveIndex, pageFiles };
}

export function scaleTable({ summary, ratios }) {
  const others = SCALE_VARIANTS.slice(1);
  const header = ['metric (median, min–max)', ...SCALE_VARIANTS.map((v) => v.label), ...others.map((v) => `${v.short}/A1`)];
  const rows = SCALE_METRICS.map((m) => [
    m.label,
    ...SCALE_VARIANTS.map((v) => cell(summary[v.id][m.key], m)),
    ...others.map((v) => {
      const r = ratios[v.id][m.key].ofMedians;
      return r === null ? 'n/a' : `${r.toFixed(2)}×`;
    }),
  ]);
  return markdownTable(header, rows);
}

/**
 * Issue 11: the first render (navigation → e-paper-ready) of the 24-page edition in page files
 * and of A1 with the archive index at most 1.10× A1's, on medians (the one-file edition is only
 * for reference). The archive check only counts when the index was fetched: a build that ignores
 * `archive` loads A1 alone, which says nothing of the index.
 */
export function scaleTargets({ summary, ratios, archiveIndex, pageFiles }) {
  const out = [];
  for (const variant of SCALE_VARIANTS.slice(1).filter((v) => v.target !== false)) {
    const r = ratios[variant.id].readyMs;
    const a = summary.a1.readyMs;
    const b = summary[variant.id].readyMs;
    const paired = r.paired
      ? `; within each pass ${r.paired.median.toFixed(2)}× (${r.paired.min.toFixed(2)}–${r.paired.max.toFixed(2)}×, ${plural(r.paired.n, 'pair')})`
      : '';
    let detail =
      r.ofMedians === null
        ? 'n/a'
        : `${r.ofMedians.toFixed(2)}× (${fmt(b.median, 0)} ms vs ${fmt(a.median, 0)} ms over ${b.n} and ${plural(a.n, 'load')}; limit ${fmt(a.median * SCALE_LIMIT, 0)} ms${paired})`;
    let met = r.ofMedians === null ? null : r.ofMedians <= SCALE_LIMIT;
    if (variant.archive) {
      if (!archiveIndex.fetched) {
        met = null;
        detail += `; the index was never fetched (${plural(archiveIndex.of, 'load')}): this build ignores \`archive\`, so this was A1 alone`;
      } else {
        detail += `; index fetched in ${archiveIndex.fetched}/${plural(archiveIndex.of, 'load')}, before ready in ${archiveIndex.beforeReady}`;
      }
    }
    if (variant.pageFiles)
      detail += `; page files fetched before ready in ${pageFiles.loadsFetchingBeforeReady}/${plural(pageFiles.of, 'load')}`;
    out.push({
      variant: variant.id,
      name: `${variant.label}: first render ≤ ${SCALE_LIMIT.toFixed(2)}× A1's`,
      met,
      ratio: r.ofMedians,
      detail,
    });
  }
  return out;
}

/** A Markdown table: the first column left-aligned, the others right-aligned, padded to line up. */
function markdownTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
