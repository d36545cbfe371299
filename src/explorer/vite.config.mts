import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the explorer page (src/explorer/app) into dist/explorer, which the server serves at
 * /explore (explore-route.ts). Everything the page loads is in that build: no CDN.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  base: '/explore/',
  logLevel: 'warn',
  resolve: {
    // The shared flattener (src/export/flat) writes CSV with csv-stringify; in the browser, its
    // build that carries its own Buffer.
    alias: [{ find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' }],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The graph and chart libraries are loaded when a view first needs them, not on first paint.
    chunkSizeWarningLimit: 1200,
  },
});
