import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { projectPath } from '../paths.js';

/** Where `npm run build` writes the explorer page (see src/explorer/vite.config.mts). */
export const EXPLORER_BUILD = projectPath('dist', 'explorer');

/**
 * `/explore` and every path below it (`/explore/company/freightliner`) answer the explorer's page;
 * `/explore/assets/*` its scripts and styles, built by Vite from src/explorer/app into
 * dist/explorer. Nothing comes from a CDN. Without a build, a page says how to make one.
 */
export function explorerRouter(buildDirectory = EXPLORER_BUILD): Router {
  const router = express.Router();
  const indexFile = path.join(buildDirectory, 'index.html');
  // Read on each request (a few hundred bytes): a rebuild is served without a restart.
  const page = (): string | undefined =>
    existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  router.use(
    '/explore/assets',
    express.static(path.join(buildDirectory, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );
  router.use('/explore/assets', (_request, response) => {
    response.status(404).type('text').send('not found');
  });
  router.get(['/explore', '/explore/{*rest}'], (_request, response) => {
    const html = page();
    if (html === undefined) {
      response
        .status(503)
        .type('text')
        .send('The explorer is not built: run `npm run build` (or `npm start`, which builds it).');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(html);
  });
  return router;
}
