// The scaling scenario (issue 11): one load of a variant to e-paper-ready, and a round of them.
import { cpuDelta, cpuSnapshot } from './cpu.mjs';
import { SCALE_VARIANTS, sleep, timeout, log } from './cli.mjs';
import { networkLog, accountBytes, timingEntries, quiet } from './cdp.mjs';
import { fmt } from './report.mjs';
import { benchPage, visitBytes, waitFor } from './measures.mjs';

export async function measureLoad(browser, browserCdp, origin, variant, round, pass) {
  const browserPid = browser.process?.()?.pid;
  const result = { scenario: 'scale', variant: variant.id, round, pass, warmup: round < 0, errors: [] };
  const { context, page } = await benchPage(browser, result);
  try {
    let onReady;
    const readyCpu = new Promise((resolve) => (onReady = resolve));
    await page.exposeBinding('__benchSignal', async (_source, name) => {
      if (name === 'ready') onReady(await cpuSnapshot(browserPid, browserCdp));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = networkLog(cdp);
    const cpuStart = await cpuSnapshot(browserPid, browserCdp);
    await page.goto(`${origin}/bench/pages/e-paper.html${variant.query}`, { waitUntil: 'commit' });
    const cpuReady = await Promise.race([readyCpu, timeout(30000)]);
    if (!cpuReady) throw new Error('no ready mark within 30 s');
    const atReady = await page.evaluate(() => ({
      ready: performance.getEntriesByName('ready')[0].startTime,
      detail: window.__harness.readyDetail ?? null,
    }));
    result.readyMs = atReady.ready;
    result.readyDetail = atReady.detail;
    result.cpuToReadyMs = cpuDelta(cpuStart, cpuReady).total;
    if (!variant.edition(atReady.detail?.editionId) || atReady.detail?.page !== 'A1') {
      throw new Error(`e-paper-ready named ${JSON.stringify(atReady.detail)}, not page A1 of the ${variant.label} edition`);
    }
    // The largest contentful paint is final at the first input: none comes, so read it once the
    // page has gone quiet. An archive index fetched late (at an idle moment) still counts as fetched.
    result.quietAfterReadyMs = await page.evaluate(quiet);
    const archiveUrl = variant.archive && new URL(variant.archive, origin).href;
    if (archiveUrl) await waitFor(() => [...requests.values()].some((r) => r.url === archiveUrl), 1500);
    result.paints = await page.evaluate(() => window.__harness.paints());
    await sleep(50);
    const timing = await page.evaluate(timingEntries);
    result.load = accountBytes(requests, timing, 0, atReady.ready);
    result.toEnd = visitBytes(accountBytes(requests, timing, 0, Infinity), atReady.ready);
    if (variant.pageFiles) {
      const prefix = new URL(variant.pageFiles, origin).href;
      const fetched = timing.filter((e) => e.name.startsWith(prefix));
      result.pageFiles = { beforeReady: fetched.filter((e) => e.end <= atReady.ready).length, byEnd: fetched.length };
    }
    if (archiveUrl) {
      const entry = timing.find((e) => e.name === archiveUrl);
      const seen = [...requests.values()].find((r) => r.url === archiveUrl);
      result.archiveIndex =
        entry || seen
          ? {
              fetched: true,
              beforeReady: entry ? entry.end <= atReady.ready : null,
              startMs: entry && Math.round(entry.start),
              endMs: entry && Math.round(entry.end),
              encoded: entry?.transferSize ?? seen.encoded,
            }
          : { fetched: false };
    }
  } catch (error) {
    result.errors.push(`failed: ${error.message}`);
  } finally {
    await context.close().catch(() => {});
  }
  return result;
}

/** One round of the scaling scenario: `passes` passes over the variants, the order rotated from pass to pass. */
export async function scaleRound(browser, browserCdp, origin, round, passes, firstPass, results) {
  for (let pass = 0; pass < passes; pass++) {
    const k = (firstPass + pass) % SCALE_VARIANTS.length;
    for (const variant of [...SCALE_VARIANTS.slice(k), ...SCALE_VARIANTS.slice(0, k)]) {
      const t = performance.now();
      const r = await measureLoad(browser, browserCdp, origin, variant, round, firstPass + pass);
      results.push(r);
      const archive = r.archiveIndex
        ? `, archive index ${r.archiveIndex.fetched ? `fetched${r.archiveIndex.beforeReady ? ' before ready' : r.archiveIndex.beforeReady === false ? ' after ready' : ''}` : 'not fetched'}`
        : '';
      const pageFiles = r.pageFiles ? `, page files ${r.pageFiles.beforeReady} before ready, ${r.pageFiles.byEnd} by the end` : '';
      log(
        `  ${round < 0 ? 'warm-up' : `run ${round + 1}`} scale ${variant.short.padEnd(10)} ready ${fmt(r.readyMs, 0)} ms, FCP ${fmt(r.paints?.firstContentfulPaint, 0)} ms, LCP ${fmt(r.paints?.lcp, 0)} ms, ` +
          `all ${fmt(r.load?.allEncoded / 1024, 1)} KB${archive}${pageFiles} (${((performance.now() - t) / 1000).toFixed(1)} s)${r.errors.length ? `\n    ${r.errors.slice(0, 3).join('\n    ')}` : ''}`,
      );
    }
  }
}
