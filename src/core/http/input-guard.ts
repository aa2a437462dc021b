import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const nulRefused = (field: string): AppError =>
  new AppError(400, 'nul_character', { id: 'Teks berisi karakter NUL yang tidak diizinkan.', en: 'Text contains a NUL character, which is not allowed.' }, { field });

const loneSurrogateRefused = (field: string): AppError =>
  new AppError(
    400,
    'malformed_text',
    { id: 'Teks berisi karakter yang rusak (surrogate UTF-16 tanpa pasangan).', en: 'Text contains a broken character (an unpaired UTF-16 surrogate).' },
    { field },
  );
// In a `u` pattern a proper surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

// Fastify's own parser refuses these too (secure-json-parse); ours replaces it, so it must as well:
// an own "__proto__" key copied with Object.assign or a spread into defaults changes an object's prototype.
const prototypeRefused = (field: string): AppError =>
  new AppError(400, 'forbidden_key', { id: 'Nama kolom tidak diizinkan.', en: 'This property name is not allowed.' }, { field });

/** Each value of a body that may carry a hazard, checked as it is parsed (named by its key). */
function guard(key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.includes('\u0000')) throw nulRefused(key || 'body');
  if ((typeof value === 'string' && LONE_SURROGATE.test(value)) || LONE_SURROGATE.test(key)) throw loneSurrogateRefused(key || 'body');
  if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) {
    throw prototypeRefused(key);
  }
  return value;
}

/**
 * Whether a body needs `guard`. A NUL or a lone surrogate can only reach parsed JSON through a
 * `\u` escape (raw control characters are invalid JSON, and text decoded from UTF-8 holds no lone
 * surrogates); a forbidden key is spelled out or escaped. Most bodies have neither and are parsed
 * without a reviver, which costs a call per value.
 */
const mayHideHazards = (text: string) => text.includes('\\u') || text.includes('__proto__') || text.includes('constructor');

/**
 * PostgreSQL text cannot hold NUL, so a string with one would fail deep in a query. Refuse it at
 * the door, in JSON bodies and in the query string, with a clear 400. An unpaired UTF-16 surrogate
 * (legal in JSON, not in UTF-8) is refused in JSON bodies for the same reason: the drivers encode it
 * differently, and PGlite's encoding fails in the database.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    try {
      done(null, mayHideHazards(text) ? JSON.parse(text, guard) : JSON.parse(text));
    } catch (err) {
      if (err instanceof AppError) return done(err);
      done(new AppError(400, 'invalid_json_body', { id: 'JSON tidak valid.', en: 'Malformed JSON.' }, { field: 'body' }));
    }
  });
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url)) throw nulRefused('query');
  });
}
