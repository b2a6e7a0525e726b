import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Paths that never fall back to the console's index.html: the API, what probes and the scrape call, and the built
 * assets (a file gone after a deployment is a plain 404, not a page where a script was expected).
 */
const NOT_THE_CONSOLE = /^\/(api|health|metrics|assets)(\/|\?|$)/;

/**
 * Whether a GET falls back to the console: decided on the decoded path, as the router and proxies read it, so that an
 * encoded `/%61pi/…` or `/api%2F…` is the API's JSON 404 rather than the console's page. A path that does not decode
 * (a stray `%`) is not the console's either.
 */
export function isConsolePath(url: string): boolean {
  const path = url.split('?', 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  return !NOT_THE_CONSOLE.test(decoded) && !NOT_THE_CONSOLE.test(decoded.toLowerCase()) && !NOT_THE_CONSOLE.test(path);
}

/** Hashed file names (Vite: assets/<name>-<hash>.js): their content never changes under the same name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and anything unhashed: revalidated on every load, so a deployment is picked up at once. */
const REVALIDATE = 'no-cache';

/** dist/web of the checkout or image the api runs from (source via swc in tests, dist/ in production alike). */
export function defaultWebRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return join(from, 'web');
    dir = up;
  }
  return join(dir, 'dist', 'web');
}

/**
 * Serves the built web console (apps/web → dist/web) at /, one origin with the API: each built file under its own
 * route, and index.html for any other GET outside /api, /health and /metrics (the console's own routes, e.g.
 * /work/my-queue after a reload). Unknown API paths keep the API's 404 ErrorBody. Returns false, serving nothing,
 * when the console was not built.
 */
export async function mountWebConsole(app: NestFastifyApplication, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/',
    wildcard: false, // one route per built file, found at start-up; the fallback below is the only wildcard
    index: false,
    serveDotFiles: false,
    cacheControl: false, // set below, per file
    preCompressed: true, // the .br/.gz files the build wrote (apps/web/vite.config.mts), for browsers that accept them
    etag: true,
    lastModified: true,
    setHeaders(reply: FastifyReply, path: string) {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
    },
  });
  const indexHtml = (req: FastifyRequest, reply: FastifyReply) => {
    if (!isConsolePath(req.url)) return reply.callNotFound();
    return (reply as FastifyReply & { sendFile(file: string): FastifyReply }).sendFile('index.html');
  };
  fastify.get('/', indexHtml);
  fastify.get('/*', indexHtml);
  return true;
}
