import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { archiveIndex, editionOnDate, multiPageEdition } from './tests/fixtures/editions-from-a1.js';

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
 * Test copies of the A1 edition for the demo's multi-page and archive views (only A1 is given):
 *   /demo/copies/pages-<N>.json          N pages made from A1 (multiPageEdition)
 *   /demo/copies/edition-<date>.json     A1 as if published that day (editionOnDate)
 *   /demo/copies/archive.json            30 days to 2021-01-08, editions pointing at the above
 * Every copy says so in its page section; none of it is served by the production builds.
 */
const demoCopies = (): Plugin => ({
  name: 'e-paper:demo-copies',
  configureServer(server) {
    const a1 = () => JSON.parse(readFileSync('demo/editions/zhuzhou-daily-2021-01-08.json', 'utf8'));
    const fontBase = '/demo/editions/zhuzhou-daily-2021-01-08.json';
    server.middlewares.use('/demo/copies/', (req, res, next) => {
      const name = (req.url ?? '').split('?')[0].replace(/^\//, '');
      const pages = /^pages-(\d{1,2})\.json$/.exec(name);
      const date = /^edition-(\d{4}-\d\d-\d\d)\.json$/.exec(name);
      let body: unknown;
      if (pages) body = multiPageEdition(a1(), Math.max(1, Math.min(48, Number(pages[1]))), { fontBase: `http://x${fontBase}` });
      else if (date) body = editionOnDate(a1(), date[1], { fontBase: `http://x${fontBase}` });
      else if (name === 'archive.json') body = archiveIndex('2021-01-08', 30, (d) => `edition-${d}.json`);
      else return next();
      // Font URLs relative to this server, whatever its port.
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body).replaceAll('http://x/', '/'));
    });
  },
});

// The dev server: the demo site (demo/) with the library straight from src/. The production
// builds are scripts/build.mjs (npm run build).
export default defineConfig({
  plugins: [printDemoUrl(), demoCopies()],
  server: { host: '127.0.0.1', port: 5173, open: process.env.CI ? false : '/demo/' },
  preview: { host: '127.0.0.1', port: 4173 },
});
