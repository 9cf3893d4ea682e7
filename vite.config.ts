import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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

// Dev: the demo site (demo/) with the library straight from src/. Build: the self-contained bundle.
export default defineConfig({
  plugins: [printDemoUrl()],
  server: { host: '127.0.0.1', port: 5173, open: process.env.CI ? false : '/demo/' },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: here('./src/index.ts'),
      formats: ['es'],
      fileName: () => 'e-paper.js',
    },
  },
});
