import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { copyAt } from './scripts/editions-from-a1.js';

/** Says where the demo is once the dev server listens. */
const printDemoUrl = (): Plugin => ({
  name: 'e-paper:print-demo-url',
  configureServer(server) {
    server.httpServer?.once('listening', () => {
      setTimeout(() => {
        for (const url of server.resolvedUrls?.local ?? []) server.config.logger.info(`  e-paper demo: ${url}demo/`);
      });
    });
  },
});

/**
 * Test copies of the A1 edition for the demo's multi-page and archive views (only A1 is given),
 * under /demo/copies/ (routes: scripts/editions-from-a1.js copyAt). Every copy says so in its
 * page section; none of it is in the production builds.
 */
const demoCopies = (): Plugin => ({
  name: 'e-paper:demo-copies',
  configureServer(server) {
    const a1 = JSON.parse(readFileSync('demo/editions/zhuzhou-daily-2021-01-08.json', 'utf8'));
    server.middlewares.use('/demo/copies/', (req, res, next) => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const body = copyAt(a1, url.pathname.slice(1), url.searchParams, { fontBase: `${url.origin}/demo/editions/`, base: '/demo/copies/' });
      if (!body) return next();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    });
  },
});

// The dev server: the demo site (demo/) with the library straight from src/. The production
// builds are scripts/build.mjs (npm run build).
// A browser tab for the demo, where there is a desktop to open it on (not in CI, not on a
// headless Linux machine, where opening would only print an error: the URL is printed anyway).
const opensBrowser = !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

export default defineConfig({
  plugins: [printDemoUrl(), demoCopies()],
  server: { host: '127.0.0.1', port: 5173, open: opensBrowser ? '/demo/' : false },
  preview: { host: '127.0.0.1', port: 4173 },
});
