// A web-test-runner plugin that serves test data generated from the shipped A1 edition
// (scripts/editions-from-a1.js), from the test server itself, for the archive and
// multi-page tests:
//
//   /fixtures/edition/<YYYY-MM-DD>.json   the A1 edition as if published that day (editionOnDate)
//   /fixtures/multipage/<N>.json          an edition of N pages, 1 ≤ N ≤ 500 (multiPageEdition)
//   /fixtures/archive.json?days=D&last=YYYY-MM-DD[&gap=G]
//                                         an archive index of D days (default 30, at most 20,000)
//                                         ending on `last` (default 2021-01-08), every G-th day
//                                         without an edition (default 7, 0: none) (archiveIndex);
//                                         each `src` is /fixtures/edition/<date>.json
//   /fixtures/split/<N>.json[?missing=A3&wrong=A4&slow=A5&ms=M]
//                                         the N-page edition split into a manifest (page A1
//                                         inline) and page files (splitEdition); the faults
//                                         make the named pages' files a 404, fail validation
//                                         (another page id) or come after M ms (default 1 s)
//   /fixtures/split/<N>/<page id>.json    a page file of it, as the manifest's `src`s name it
//
// Every route takes `fail=N&key=K`: the first N requests with that key are a 404 (a page file
// that fails, then loads when tried again), and `ms=M`: the body comes after M ms (at most 9 s); the archive passes `ms`
// on to each edition's `src`, so that a test can pick an edition that takes a while to load. On
// a split manifest with `slow=`, `ms` is the slow pages' delay, not the manifest's (copyDelay).
// The editions point at their fonts with absolute URLs (/demo/editions/…), so they load from
// any route. Anything else under /fixtures/ is a 404.
//
// Like wtr-faults-plugin.js, it hooks the Node server's `request` event before koa.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { copyAt, copyDelay } from './editions-from-a1.js';

const EDITION_PATH = 'demo/editions/zhuzhou-daily-2021-01-08.json';
const MAX_DELAY_MS = 9_000;

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function fixturesPlugin() {
  let rootDir = process.cwd();
  /** @type {any} */
  let a1;
  const open = new Set();

  /** Requests so far by `key` (for `fail`). */
  const asked = new Map();

  function handle(res, url, origin) {
    a1 ??= JSON.parse(readFileSync(resolve(rootDir, EDITION_PATH), 'utf8'));
    const route = url.pathname.slice('/fixtures/'.length);
    const key = url.searchParams.get('key');
    if (key) asked.set(key, (asked.get(key) ?? 0) + 1);
    const failing = key !== null && asked.get(key) <= Number(url.searchParams.get('fail') ?? 0);
    const body = failing ? undefined : copyAt(a1, route, url.searchParams, { fontBase: `${origin}/demo/editions/`, base: '/fixtures/' });
    const ms = Math.min(copyDelay(route, url.searchParams), MAX_DELAY_MS);
    const send = () =>
      body
        ? res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body))
        : res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture route "${url.pathname}"`);
    if (!ms) return send();
    const timer = setTimeout(send, ms);
    open.add(res);
    res.on('close', () => {
      clearTimeout(timer);
      open.delete(res);
    });
  }

  return {
    name: 'e-paper-fixtures',
    serverStart({ config, server }) {
      rootDir = resolve(config.rootDir ?? process.cwd());
      if (!server) throw new Error('e-paper-fixtures: needs the dev server’s own HTTP server');
      const others = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname.startsWith('/fixtures/')) {
          try {
            handle(res, url, `http://${req.headers.host ?? 'localhost'}`);
          } catch (error) {
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(`e-paper-fixtures: ${error.message}`);
          }
          return;
        }
        for (const listener of others) listener.call(server, req, res);
      });
    },
    serverStop() {
      for (const res of open) res.destroy();
      open.clear();
    },
  };
}
