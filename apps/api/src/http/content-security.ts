import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The Content-Security-Policy (helmet): scripts from this origin only, for the console and the API alike. Ant Design
 * writes its styles into inline <style> elements, hence style-src 'unsafe-inline'; no page of the console runs an
 * inline script (Vite emits external module scripts only; the web-console e2e test reads the built index.html).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: [`'self'`],
  styleSrc: [`'self'`, `'unsafe-inline'`],
  scriptSrc: [`'self'`],
  // The console's preview (issue 18): a material fetched with the caller's token is shown from a blob: URL, a PDF in an
  // <iframe>, an image in an <img>; nothing else is framed or loaded from blob:.
  frameSrc: [`'self'`, 'blob:'],
  imgSrc: [`'self'`, 'data:', 'blob:'],
  // No answer may be framed by another page, nor by the console itself, except a preview (frameableBySelf).
  frameAncestors: [`'none'`],
  upgradeInsecureRequests: null,
};

/** helmet's X-Frame-Options, kept in step with frame-ancestors 'none' (older browsers read only this one). */
export const FRAMEGUARD = { action: 'deny' } as const;

/**
 * The one answer that may be framed, and only by this origin: a material served `inline` for the console's preview
 * (GET /api/files/:fileId/download?disposition=inline, PDF and images only).
 */
export function frameableBySelf(reply: FastifyReply): void {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string') reply.header('content-security-policy', csp.replace(`frame-ancestors 'none'`, `frame-ancestors 'self'`));
  reply.header('x-frame-options', 'SAMEORIGIN');
}

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
