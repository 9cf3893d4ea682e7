import { defineConfig, type Plugin } from 'vite';

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

// The dev server: the demo site (demo/) with the library straight from src/. The production
// builds are scripts/build.mjs (npm run build).
export default defineConfig({
  plugins: [printDemoUrl()],
  server: { host: '127.0.0.1', port: 5173, open: process.env.CI ? false : '/demo/' },
  preview: { host: '127.0.0.1', port: 4173 },
});
