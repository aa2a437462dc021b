/**
 * Open311 clients expect the spec's error list, not our problem+json: every failure under
 * /open311/v2 becomes [{code, description}] with the HTTP status as code, English first (the
 * language Open311 apps are written in), then Indonesian.
 */
import type { FastifyError } from 'fastify';
import { AppError, tooMany, type Message } from '../core/errors.js';
import { validationProblem } from '../core/http/problem.js';
import type { Doc } from './format.js';

export const invalidApiKey = (): AppError =>
  new AppError(403, 'invalid_api_key', {
    id: 'api_key tidak valid atau sudah dicabut.',
    en: "Invalid api_key received -- can't proceed with create_request.",
  });

const describe = (m: Message): string => `${m.en} / ${m.id}`;

function asAppError(error: FastifyError): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error.validation) return validationProblem(error.validation as Parameters<typeof validationProblem>[0], error.validationContext);
  const status = error.statusCode ?? 500;
  if (status === 429) return tooMany();
  if (status < 500) return new AppError(status, 'bad_request', { id: 'Permintaan tidak valid.', en: error.message });
  return undefined;
}

/** The status and error document for a failure; undefined means an unexpected one the caller must log. */
export function open311Error(error: FastifyError): { status: number; doc: Doc } | undefined {
  const app = asAppError(error);
  if (!app) return undefined;
  // The spec knows 400 for a request it cannot take; our 422 (a domain rule failed) is one.
  return errorDoc(app.status === 422 ? 400 : app.status, app.messages);
}

export function errorDoc(status: number, message: Message): { status: number; doc: Doc } {
  return { status, doc: { root: 'errors', item: 'error', list: [{ code: status, description: describe(message) }] } };
}
