import type { FastifyInstance } from 'fastify';

/**
 * Headers every answer carries: a content security policy (no foreign scripts, no framing), no
 * MIME sniffing of uploads, no referrer leaking tracking numbers to other sites, and HSTS once
 * the platform sits behind TLS. The Swagger UI brings its own inline scripts and keeps a looser policy.
 */
export function installSecurityHeaders(app: FastifyInstance, opts: { tls: boolean; csp: string }): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (!reply.hasHeader('Content-Security-Policy')) {
      reply.header('Content-Security-Policy', request.url.startsWith('/api/docs') ? "frame-ancestors 'none'" : opts.csp);
    }
    if (opts.tls) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
}
