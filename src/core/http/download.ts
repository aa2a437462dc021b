import type { FastifyReply } from 'fastify';

/**
 * Sends a file to be saved under its own name: the name whole in `filename*` (RFC 6266), a plain
 * fallback beside it, never sniffed as another type. Private by default: these are a case's papers.
 */
export function sendAttachment(reply: FastifyReply, file: { name: string; mime: string; data: Buffer }, cacheControl = 'private, no-cache') {
  return reply
    .header('Cache-Control', cacheControl)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `attachment; filename="${file.name.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .type(file.mime)
    .send(file.data);
}
