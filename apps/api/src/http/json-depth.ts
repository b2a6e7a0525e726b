import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@fuyi/kernel';
import { parse as parseQuery } from 'node:querystring';

/**
 * The deepest JSON a request body may nest. No request of the API nests past 5 levels; a body nested thousands of
 * levels deep made the recursive checks (class-transformer, class-validator, the text pipes) overflow the stack and
 * answer 500 (issue 14 item 8). 32 leaves room for every DTO and refuses that long before any recursion.
 */
export const MAX_JSON_DEPTH = 32;

export const jsonTooDeep = () =>
  new DomainError('JSON_TOO_DEEP', `提交的内容嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）`, 'invalid');

/**
 * The nesting depth of a JSON text, found by one pass over its characters without recursion (so it cannot itself
 * overflow) and stopping as soon as `limit` is passed. Brackets inside strings do not count; escapes are skipped.
 * Malformed text is not judged here: JSON.parse refuses it afterwards.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Replaces Nest's body parsers (the app is created with `bodyParser: false`): the same JSON parser (prototype and
 * constructor poisoning refused) behind the depth check, and the same flat form parser. Runs before any guard, so
 * signed-out callers and public routes are covered alike.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const { bodyLimit } = fastify.initialConfig;
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (req: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(jsonTooDeep(), undefined);
    void json(req, text, done); // callback style: the parser answers through done
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    done(null, { ...parseQuery(body.toString()) });
  });
}
