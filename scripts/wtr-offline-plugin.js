// A web-test-runner plugin for the offline tests: a small site under /offline-site/ on the test
// server (loopback only) that a test can "stop serving", so that a page reloaded then reads only
// what the service worker has.
//
//   /offline-site/index.html?src=S      a host page: the shipped bundle and <e-paper offline src=S>
//   /offline-site/e-paper.js, e-paper-parts/…, e-paper-sw.js
//                                       the built viewer and service worker, from dist/ (npm run
//                                       build, or npm test's pretest, makes them)
//   /offline-site/demo/…                the repository's demo/ folder (editions, fonts, scans)
//   /offline-site/bounded/…             all of the above again, under a scope of its own (a second
//                                       worker, with other bounds, beside the first)
//   /offline-site/split/<N>.json[?missing=A3] and /offline-site/split/<N>/<id>.json
//                                       the A1 edition split into page files, as /fixtures/split/
//                                       (scripts/editions-from-a1.js), its fonts under this site
//
// Everything is sent `no-store`, so that no HTTP cache answers in the service worker's place. The
// command `offline-site` with `{refuse: true}` makes every /offline-site/ request fail as if the
// server were gone (the connection is destroyed); `{refuse: false}` serves again; `{count: true}`
// answers how many requests reached the site since the last count. It hooks the Node server's
// `request` event before koa, as wtr-fixtures-plugin.js does.
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { copyAt } from './editions-from-a1.js';

const PREFIX = '/offline-site/';
const EDITION_PATH = 'demo/editions/zhuzhou-daily-2021-01-08.json';
const TYPES = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
};

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function offlinePlugin() {
  let rootDir = process.cwd();
  let refusing = false;
  let requests = 0;
  /** @type {any} */
  let a1;

  /** A file of the repository under `folder`, or undefined. */
  function file(folder, path) {
    const base = resolve(rootDir, folder);
    const full = resolve(base, path);
    if (!full.startsWith(base + sep)) return undefined;
    try {
      if (!statSync(full).isFile()) return undefined;
      return { body: readFileSync(full), type: TYPES[extname(full)] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  }

  function answer(url, origin) {
    // /offline-site/bounded/…: the same site under a second scope, for a second worker.
    const route = decodeURIComponent(url.pathname.slice(PREFIX.length)).replace(/^bounded\//, '');
    if (route === 'index.html') {
      const src = escapeAttribute(url.searchParams.get('src') ?? '');
      const lang = escapeAttribute(url.searchParams.get('lang') ?? 'zh-CN');
      const body = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Offline test site (not a real site)</title>
<style>body{margin:0}e-paper{display:block;height:100vh}</style>
<script type="module" src="./e-paper.js"></script>
<e-paper offline no-persist lang="${lang}" src="${src}"></e-paper>`;
      return { body, type: TYPES['.html'] };
    }
    if (/^(e-paper\.js|e-paper-sw\.js|e-paper-parts\/[^/]+)$/.test(route)) return file('dist', route);
    if (route.startsWith('demo/')) return file('demo', route.slice('demo/'.length));
    if (route.startsWith('split/')) {
      a1 ??= JSON.parse(readFileSync(resolve(rootDir, EDITION_PATH), 'utf8'));
      const data = copyAt(a1, route, url.searchParams, { fontBase: `${origin}${PREFIX}demo/editions/`, base: PREFIX });
      return data && { body: JSON.stringify(data), type: TYPES['.json'] };
    }
    return undefined;
  }

  return {
    name: 'e-paper-offline-site',
    serverStart({ config, server }) {
      rootDir = resolve(config.rootDir ?? process.cwd());
      if (!server) throw new Error('e-paper-offline-site: needs the dev server’s own HTTP server');
      const others = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith(PREFIX)) {
          for (const listener of others) listener.call(server, req, res);
          return;
        }
        requests++;
        if (refusing) {
          req.socket.destroy();
          return;
        }
        const found = answer(url, `http://${req.headers.host ?? 'localhost'}`);
        if (!found) {
          const hint = /^\/offline-site\/e-paper/.test(url.pathname) ? ' (build the viewer first: npm run build)' : '';
          res
            .writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
            .end(`No offline-site route "${url.pathname}"${hint}`);
          return;
        }
        res.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store' }).end(found.body);
      });
    },
    executeCommand({ command, payload }) {
      if (command !== 'offline-site') return undefined;
      const asked = /** @type {{refuse?: boolean, count?: boolean}} */ (payload ?? {});
      if (asked.count) {
        const counted = requests;
        requests = 0;
        return counted;
      }
      refusing = Boolean(asked.refuse);
      return true;
    },
  };
}
