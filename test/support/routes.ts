import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface AppRoute {
  method: string;
  url: string;
}

/**
 * Every route the application registers, read from Fastify's router as Nest builds it: call before app.init().
 * HEAD twins of GET routes and the Swagger UI's static files are left out; everything else is listed.
 */
export function collectRoutes(app: NestFastifyApplication): () => AppRoute[] {
  const routes: AppRoute[] = [];
  app.getHttpAdapter().getInstance().addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, url: r.url });
    }
  });
  return () => {
    const seen = new Set<string>();
    return routes.filter((r) => {
      const key = `${r.method} ${r.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
}
