// A web-test-runner plugin that serves misbehaving edition files from the test server itself
// (loopback only, nothing leaves the machine), for the network-fault tests:
//
//   /faults/http-500        500 with a text body          /faults/http-404   404
//   /faults/html            200, an HTML page              /faults/truncated  200, the A1 JSON cut in half
//   /faults/bom             200, the A1 JSON after a UTF-8 byte-order mark
//   /faults/utf16           200, the A1 JSON in UTF-16LE with its byte-order mark
//   /faults/empty           200, no body                   /faults/blank      200, only whitespace
//   /faults/large?bytes=N   200, a JSON body of N bytes with its Content-Length (&chunked=1: without it;
//                           &paced=1: in 16 KB pieces a millisecond apart, so that it takes a while)
//   /faults/hang            200, headers and a first chunk, then nothing (ends itself after 10 s)
//   /faults/stall           no answer at all (ends itself after 10 s)
//   /faults/reset           the connection is destroyed     /faults/short      Content-Length larger than the body
//   /faults/deep?n=N        200, N nested arrays (valid JSON, absurd nesting)
//   /faults/slow?ms=M       200, an edition after M ms (&variant=slow: another id, title and article ids)
//   /faults/file?path=P&ms=M  a file of the repository after M ms (a font, an image), with its type
//   /faults/ok              200, the A1 edition            /faults/variant    200, the A1 edition renamed
//   /faults/stats?key=K     JSON {requests, completed, aborted} of the requests made with &key=K
//   /faults/mend?key=K      from now on, every route asked with &key=K serves the good A1 edition
//
// Every route takes `key=K` (counted in the stats) and `fail=N`: the first N requests with that
// key misbehave, the later ones get the good A1 edition. With `mend`, a test can check the
// viewer's retry button whatever the browser retried on its own (it does after a reset). The editions served
// point at their fonts with absolute paths (/demo/editions/…), so they load from any route.
//
// It hooks the Node server's `request` event before koa: koa would read a streamed body whole
// (the transform middleware) and force status 200 on plugin-served files.
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const EDITION_PATH = 'demo/editions/zhuzhou-daily-2021-01-08.json';
const FONT_BASE = '/demo/editions/';
/** No route keeps a response open longer than this. */
const MAX_OPEN_MS = 10_000;
const TYPES = { '.json': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png', '.jpg': 'image/jpeg', '.html': 'text/html' };

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function faultsPlugin() {
  let rootDir = process.cwd();
  /** @type {Map<string, {requests: number, completed: number, aborted: number}>} */
  const stats = new Map();
  /** Keys whose routes are mended. */
  const mended = new Set();
  const open = new Set();

  const edition = (variant = '') => {
    const data = JSON.parse(readFileSync(resolve(rootDir, EDITION_PATH), 'utf8'));
    for (const font of data.fonts ?? []) font.src = FONT_BASE + font.src;
    if (variant) {
      data.id = `${data.id}-${variant}`;
      data.title = `${variant.toUpperCase()} ${data.title}`;
      const rename = (id) => `${variant}-${id}`;
      for (const article of data.articles) article.id = rename(article.id);
      for (const page of data.pages) {
        for (const block of page.blocks ?? []) if (block.article) block.article = rename(block.article);
        for (const region of page.regions ?? []) region.article = rename(region.article);
      }
    }
    return JSON.stringify(data);
  };

  /** Serves one /faults/ request. `res` is Node's raw response. */
  function handle(req, res, url) {
    const kind = url.pathname.slice('/faults/'.length);
    const q = url.searchParams;
    const key = q.get('key');
    const record = key ? (stats.get(key) ?? { requests: 0, completed: 0, aborted: 0 }) : undefined;
    const control = kind === 'stats' || kind === 'mend';
    if (key && !control) {
      stats.set(key, record);
      record.requests++;
      res.on('close', () => (res.writableFinished ? record.completed++ : record.aborted++));
    }
    const timers = new Set();
    const later = (ms, fn) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    };
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      for (const timer of timers) clearTimeout(timer);
    });
    // Whatever happens, the response ends within MAX_OPEN_MS.
    later(MAX_OPEN_MS, () => (res.headersSent ? res.end() : res.destroy()));

    const send = (status, type, body, headers = {}) => {
      const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
      res.writeHead(status, { 'content-type': type, 'content-length': buffer.byteLength, 'cache-control': 'no-store', ...headers });
      res.end(buffer);
    };
    const json = (body) => send(200, 'application/json; charset=utf-8', body);

    const failTimes = Number(q.get('fail') ?? Infinity);
    if (record && !control && (record.requests > failTimes || mended.has(key))) return json(edition());

    switch (kind) {
      case 'stats':
        return json(JSON.stringify(stats.get(key) ?? { requests: 0, completed: 0, aborted: 0 }));
      case 'mend':
        if (key) mended.add(key);
        return json('{"mended": true}');
      case 'ok':
        return json(edition());
      case 'variant':
        return json(edition(q.get('name') || 'variant'));
      case 'http-500':
        return send(500, 'text/plain', 'Internal Server Error: the edition database is down');
      case 'http-404':
        return send(404, 'text/plain', 'Not Found');
      case 'html':
        return send(
          200,
          'text/html; charset=utf-8',
          '<!doctype html><html><head><title>Login</title></head><body><p>Please sign in.</p></body></html>',
        );
      case 'truncated': {
        const text = edition();
        return json(text.slice(0, Math.floor(text.length / 2)));
      }
      case 'bom':
        return json('\uFEFF' + edition());
      case 'utf16':
        return send(200, 'application/json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(edition(), 'utf16le')]));
      case 'empty':
        return json('');
      case 'blank':
        return json('  \n\t \r\n ');
      case 'deep': {
        const n = Math.min(Number(q.get('n')) || 100_000, 10_000_000);
        return json('['.repeat(n) + ']'.repeat(n));
      }
      case 'large': {
        const bytes = Math.min(Number(q.get('bytes')) || 4096, 64 * 1024 * 1024);
        const body = Buffer.alloc(bytes, 0x20);
        body.write('{"padding":"', 0);
        body.write('"}', bytes - 2);
        if (q.get('chunked') || q.get('paced')) {
          const length = q.get('chunked') ? {} : { 'content-length': bytes };
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...length });
          // In pieces: a stream whose size nobody announced, or one that takes its time.
          const piece = 16 * 1024;
          let at = 0;
          const next = () => {
            if (res.destroyed) return;
            if (at >= bytes) return res.end();
            res.write(body.subarray(at, at + piece));
            at += piece;
            later(1, next);
          };
          return next();
        }
        return send(200, 'application/json', body);
      }
      case 'hang':
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.write('{"format": "e-paper-edition", "version": 1, ');
        return; // the MAX_OPEN_MS timer ends it
      case 'stall':
        return; // no headers, no body: the MAX_OPEN_MS timer destroys it
      case 'reset':
        return req.socket.destroy();
      case 'short':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100_000, 'cache-control': 'no-store' });
        res.write('{"format": "e-paper-edition"');
        return later(50, () => res.destroy());
      case 'slow': {
        const ms = Math.min(Number(q.get('ms')) || 1000, MAX_OPEN_MS - 500);
        const variant = q.get('variant') ?? '';
        // Headers at once, the body at the end: the request is well under way when it is aborted.
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.write(' ');
        return later(ms, () => res.end(edition(variant)));
      }
      case 'file': {
        const ms = Math.min(Number(q.get('ms')) || 0, MAX_OPEN_MS - 500);
        const path = resolve(rootDir, (q.get('path') ?? '').replace(/^\/+/, ''));
        if (!path.startsWith(rootDir + sep)) return send(403, 'text/plain', 'Forbidden');
        let body;
        try {
          if (!statSync(path).isFile()) throw new Error('not a file');
          body = readFileSync(path);
        } catch {
          return later(ms, () => send(404, 'text/plain', 'Not Found'));
        }
        return later(ms, () => send(200, TYPES[extname(path)] ?? 'application/octet-stream', body));
      }
      default:
        return send(404, 'text/plain', `No fault route "${kind}"`);
    }
  }

  return {
    name: 'e-paper-faults',
    serverStart({ config, server }) {
      rootDir = resolve(config.rootDir ?? process.cwd());
      if (!server) throw new Error('e-paper-faults: needs the dev server’s own HTTP server');
      const others = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname.startsWith('/faults/')) {
          try {
            handle(req, res, url);
          } catch (error) {
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(`e-paper-faults: ${error.message}`);
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
