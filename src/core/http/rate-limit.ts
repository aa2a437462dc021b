import type { FastifyRequest } from 'fastify';

/**
 * A per-minute limit counted per signed-in account, or per client address for anonymous callers.
 * Per account because Indonesian mobile carriers put many subscribers behind one address (CGNAT):
 * an address-wide limit on filing would let one busy neighbour block a whole kelurahan.
 */
export const perAccountPerMinute = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => (request.principal ? `user:${request.principal.userId}` : `ip:${request.ip}`),
  },
});
