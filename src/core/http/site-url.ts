import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';

/** The site's address for links that leave the server (feeds, sharing tags, CKAN): PUBLIC_URL, else the request's own host. */
export const siteUrlOf = (ctx: AppContext, request: FastifyRequest): string => ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
