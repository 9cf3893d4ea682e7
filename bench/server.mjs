// A tiny static server for the bench, on 127.0.0.1 only: the built viewer, the edition, the bench
// pages and inputs, and the two peers' files from bench/node_modules. Nothing else is served.
//
// Compression is on for all three viewers alike, as a site's server or CDN does it: text types
// (HTML, JS, CSS, JSON, SVG, XML/DZI) are gzipped (level 6) when the browser accepts gzip;
// already-compressed types (PNG, JPEG, WOFF2, PDF, WASM) go as they are. No Range support and no
// caching headers: every load is in a fresh browser context anyway (but with `cacheFonts`, font
// files are cacheable for a year, as a site serves files whose names carry their hash).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** URL prefix → folder under the repo. Only these are served. */
const MOUNTS = [
  ['/dist/', 'dist'],
  ['/demo/editions/', 'demo/editions'],
  ['/bench/pages/', 'bench/pages'],
  ['/bench/.cache/', 'bench/.cache'],
  // The peers, installed in bench/node_modules by bench/peers.mjs.
  ['/node_modules/openseadragon/build/openseadragon/', 'bench/node_modules/openseadragon/build/openseadragon'],
  ['/node_modules/pdfjs-dist/build/', 'bench/node_modules/pdfjs-dist/build'],
  ['/node_modules/pdfjs-dist/web/', 'bench/node_modules/pdfjs-dist/web'],
  ['/node_modules/pdfjs-dist/wasm/', 'bench/node_modules/pdfjs-dist/wasm'],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.dzi': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.xml', '.dzi', '.txt']);

function resolvePath(pathname) {
  for (const [prefix, folder] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const base = join(ROOT, folder);
    const file = normalize(join(base, decodeURIComponent(pathname.slice(prefix.length))));
    if (file !== base && !file.startsWith(base + sep)) return null;
    return file;
  }
  return null;
}

/**
 * Other builds of the viewer to compare (compare.mjs): `builds` maps a label to a folder holding a
 * built `dist/`. `/bench/build/<label>/dist/…` is that folder, and `/bench/build/<label>/e-paper.html`
 * the bench page with its script pointed there (written into bench/.cache/builds/ on first use).
 * A folder may end in `#attr,attr`: attributes the page's `<e-paper>` gets (`#no-overview`).
 */
function resolveBuild(pathname, builds) {
  const match = /^\/bench\/build\/([\w.-]+)\/(.*)$/.exec(pathname);
  if (!match || !Object.hasOwn(builds, match[1])) return null;
  const [, label, rest] = match;
  const [base, attributes = ''] = builds[label].split('#');
  if (rest === 'e-paper.html') return buildPage(label, attributes);
  if (!rest.startsWith('dist/')) return null;
  const file = normalize(join(base, decodeURIComponent(rest.slice('dist/'.length))));
  return file.startsWith(base + sep) ? file : null;
}

function buildPage(label, attributes) {
  const file = join(ROOT, 'bench/.cache/builds', label, 'e-paper.html');
  const page = readFileSync(join(ROOT, 'bench/pages/e-paper.html'), 'utf8')
    .replace('/dist/e-paper.js', `/bench/build/${label}/dist/e-paper.js`)
    .replace('<e-paper ', `<e-paper ${attributes.split(',').filter(Boolean).join(' ')} `);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, page);
  return file;
}

/**
 * Starts the server on an ephemeral port of 127.0.0.1. Returns `{ origin, close, log }`; `log`
 * lists every response as `{ url, status, type, bytes, rawBytes, gzip }` (what was written to the
 * socket for the body, and the file's size), a cross-check of what the browser reports.
 */
export async function startServer({ compress = true, cacheFonts = false, builds = {} } = {}) {
  const gzCache = new Map();
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = resolveBuild(url.pathname, builds) ?? resolvePath(url.pathname);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (!file) return send(404, 'not found');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'not found');
    }
    if (!info.isFile()) return send(404, 'not found');
    const ext = extname(file).toLowerCase();
    const type = TYPES[ext] ?? 'application/octet-stream';
    const raw = await readFile(file);
    const gzip = compress && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    let body = raw;
    if (gzip) {
      const key = `${file}|${info.mtimeMs}|${info.size}`;
      body = gzCache.get(key);
      if (!body) {
        body = gzipSync(raw, { level: 6 });
        gzCache.set(key, body);
      }
    }
    const cache = cacheFonts && ext === '.woff2' ? 'public, max-age=31536000, immutable' : 'no-store';
    const headers = { 'content-type': type, 'content-length': body.length, 'cache-control': cache };
    if (gzip) headers['content-encoding'] = 'gzip';
    if (COMPRESSIBLE.has(ext)) headers.vary = 'accept-encoding';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ url: url.pathname, status: 200, type, bytes: body.length, rawBytes: raw.length, gzip });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
