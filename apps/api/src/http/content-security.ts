import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy (helmet): scripts from this origin only, for the console and the API alike. Ant Design
 * writes its styles into inline <style> elements, hence style-src 'unsafe-inline'; no page of the console runs an
 * inline script (Vite emits external module scripts only; the web-console e2e test reads the built index.html).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: [`'self'`],
  styleSrc: [`'self'`, `'unsafe-inline'`],
  imgSrc: [`'self'`, 'data:'],
  scriptSrc: [`'self'`],
  upgradeInsecureRequests: null,
};

/**
 * Swagger UI's pages (/api/docs, off in production unless SWAGGER_ENABLED). @nestjs/swagger's template loads its scripts
 * by src today and inlines only custom code (customJsStr); the relaxation is kept for it alone, so that no option
 * there breaks the docs, and never reaches the console.
 */
const SWAGGER_UI = /^\/api\/docs(\/|\?|$)/;

/** Only Swagger UI's pages get script-src 'unsafe-inline'; every other answer keeps helmet's strict policy. */
export function relaxScriptsForSwaggerUi(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (req, reply, payload) => {
    if (SWAGGER_UI.test(req.url)) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace(`script-src 'self'`, `script-src 'self' 'unsafe-inline'`));
    }
    return payload;
  });
}
