import type { FastifyInstance } from 'fastify';

/**
 * Headers every answer carries: no MIME sniffing of uploads, no framing (clickjacking), no
 * referrer leaking tracking numbers to other sites, and HSTS once the platform sits behind TLS.
 */
export function installSecurityHeaders(app: FastifyInstance, opts: { tls: boolean }): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', "frame-ancestors 'none'");
    if (opts.tls) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
}
