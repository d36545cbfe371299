import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Router } from 'express';
import express from 'express';
import { EXAMPLES } from './examples.js';

const requireFromHere = createRequire(__filename);

/** The files the playground page loads, all served by this server: nothing comes from a CDN. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** The installed directory of a package (its `exports` may hide the UMD builds from `require.resolve`). */
function packageDirectory(name: string): string {
  let dir = path.dirname(requireFromHere.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== name.split('/').pop()) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the installed package ${name}`);
    dir = parent;
  }
  return dir;
}

const escapeForScript = (json: string): string => json.replace(/</g, '\\u003c');

function page(): string {
  const tabs = EXAMPLES.map((example) => ({
    query: `# ${example.name}: ${example.description}\n${example.query}`,
    ...(example.variables ? { variables: JSON.stringify(example.variables, null, 2) } : {}),
  }));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>tradegraph playground</title>
  <link rel="stylesheet" href="/playground/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <a href="/explore" style="position: fixed; right: 16px; bottom: 12px; z-index: 10; padding: 6px 12px; border-radius: 6px; background: #1f883d; color: #fff; font: 600 14px system-ui, sans-serif; text-decoration: none;">Explorer: graph, paths, charts →</a>
  <div id="graphiql">Loading the playground…</div>
  <script src="/playground/react.js"></script>
  <script src="/playground/react-dom.js"></script>
  <script src="/playground/graphiql.js"></script>
  <script>
    const tabs = ${escapeForScript(JSON.stringify(tabs))};
    const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: false, storage: sessionStorage }),
    );
  </script>
</body>
</html>
`;
}

/** `/` serves the GraphiQL playground; `/playground/*` its scripts and styles from our own node_modules. */
export function playgroundRouter(): Router {
  const router = express.Router();
  const html = page();
  const files = new Map(
    Object.entries(ASSETS).map(([name, asset]) => [
      name,
      { type: asset.type, body: readFileSync(path.join(packageDirectory(asset.pkg), asset.file)) },
    ]),
  );
  router.get('/', (_request, response) => {
    response.type('html').send(html);
  });
  router.get('/playground/:file', (request, response, next) => {
    const file = files.get(request.params.file);
    if (!file) {
      // Answered like any unknown route (JSON 404 in the API's error shape).
      next();
      return;
    }
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.type(file.type).send(file.body);
  });
  return router;
}
