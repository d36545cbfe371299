import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { ENTITY_QUERY } from './app/entity-query.mts';

/**
 * Starts an entity page's first request from a few bytes of inline script while the page's
 * scripts are still loading, so the header does not wait for them to download and run
 * (views/entity.tsx takes the answer from `window.tradegraphEarly`).
 */
function earlyEntityRequest(): Plugin {
  const script = `(function () {
  var parts = location.pathname.replace(/^\\/explore\\/?/, '').split('/');
  if (parts.length < 2 || !parts[1] || parts[0] === 'paths' || parts[0] === 'rankings') return;
  var id = decodeURIComponent(parts[1]);
  window.tradegraphEarly = {
    id: id,
    answer: fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ${JSON.stringify(ENTITY_QUERY).replace(/</g, '\\u003c')}, variables: { id: id } })
    }).then(function (response) { return response.json(); })
  };
})();`;
  return {
    name: 'tradegraph-early-entity-request',
    transformIndexHtml: () => [{ tag: 'script', children: script, injectTo: 'head-prepend' }],
  };
}

/**
 * Builds the explorer page (src/explorer/app) into dist/explorer, which the server serves at
 * /explore (explore-route.ts). Everything the page loads is in that build: no CDN.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  base: '/explore/',
  logLevel: 'warn',
  plugins: [earlyEntityRequest()],
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
