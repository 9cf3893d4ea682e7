// A static file server for the node tests: URL prefixes mapped to folders, and fixed pages.
// Binds to 127.0.0.1 on a free port; records every path it could not serve.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/**
 * @param {{ routes?: [prefix: string, folder: string][], pages?: Record<string, string> }} options
 *   routes: `['/demo/', folder]` serves `folder/x` at `/demo/x` (a path ending in / gets index.html);
 *   pages: HTML bodies by exact path.
 */
export async function serveStatic({ routes = [], pages = {} }) {
  const notFound = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (pages[path] !== undefined) {
      response.setHeader('content-type', TYPES['.html']);
      return response.end(pages[path]);
    }
    // Browsers ask for it unprompted; it says nothing about the page under test.
    if (path === '/favicon.ico') return response.writeHead(204).end();
    for (const [prefix, folder] of routes) {
      if (!path.startsWith(prefix)) continue;
      let file = join(folder, normalize(`/${path.slice(prefix.length)}`));
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        return response.end(body);
      } catch {}
    }
    notFound.push(path);
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    notFound,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
