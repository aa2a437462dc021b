/**
 * Turns every failure into RFC 9457 problem+json with a stable code, bilingual message and the
 * offending field. Unexpected errors are logged and answered without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, type Message } from '../errors.js';
import { driverError, sqlState } from '../db/errors.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldOf(issue: AjvIssue, context: string | undefined): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const leaf =
    issue.keyword === 'required'
      ? String(issue.params.missingProperty)
      : issue.keyword === 'additionalProperties'
        ? String(issue.params.additionalProperty)
        : '';
  const name = [path, leaf].filter(Boolean).join('.');
  return name || (context ?? 'body');
}

function messageOf(issue: AjvIssue): Message {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { id: 'Wajib diisi.', en: 'This field is required.' };
    case 'minLength':
      return { id: `Minimal ${p.limit} karakter.`, en: `Must be at least ${p.limit} characters.` };
    case 'maxLength':
      return { id: `Maksimal ${p.limit} karakter.`, en: `Must be at most ${p.limit} characters.` };
    case 'minimum':
      return { id: `Nilai minimal ${p.limit}.`, en: `Must be at least ${p.limit}.` };
    case 'maximum':
      return { id: `Nilai maksimal ${p.limit}.`, en: `Must be at most ${p.limit}.` };
    case 'minItems':
      return { id: `Minimal ${p.limit} item.`, en: `Needs at least ${p.limit} items.` };
    case 'maxItems':
      return { id: `Maksimal ${p.limit} item.`, en: `At most ${p.limit} items.` };
    case 'enum':
      return {
        id: `Harus salah satu dari: ${(p.allowedValues as unknown[]).join(', ')}.`,
        en: `Must be one of: ${(p.allowedValues as unknown[]).join(', ')}.`,
      };
    case 'format':
      return { id: `Format ${p.format} tidak valid.`, en: `Not a valid ${p.format}.` };
    case 'pattern':
      return { id: 'Format tidak valid.', en: 'Invalid format.' };
    case 'type':
      return { id: `Harus bertipe ${p.type}.`, en: `Must be of type ${p.type}.` };
    case 'additionalProperties':
      return { id: 'Kolom tidak dikenal.', en: 'Unknown field.' };
    default:
      return { id: 'Nilai tidak valid.', en: issue.message ?? 'Invalid value.' };
  }
}

export function validationProblem(issues: AjvIssue[], context: string | undefined): AppError {
  const errors: FieldError[] = issues.map((issue) => ({
    field: fieldOf(issue, context),
    code: `invalid_${issue.keyword}`,
    message: messageOf(issue),
  }));
  const first = errors[0];
  return new AppError(
    400,
    'validation_failed',
    first
      ? { id: `Data tidak valid (${first.field}): ${first.message.id}`, en: `Invalid data (${first.field}): ${first.message.en}` }
      : { id: 'Data tidak valid.', en: 'Invalid data.' },
    { ...(first ? { field: first.field } : {}), errors },
  );
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) keep their status. */
function fromFastifyError(err: FastifyError): AppError | undefined {
  const status = err.statusCode ?? 500;
  if (status >= 500) return undefined;
  if (status === 429) {
    // @fastify/rate-limit has already set Retry-After; the message only has to say so in both languages.
    return new AppError(429, 'too_many_requests', {
      id: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
      en: 'Too many requests. Wait a moment, then try again.',
    });
  }
  const known: Record<string, Message> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: { id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' },
    FST_ERR_CTP_BODY_TOO_LARGE: { id: 'Isi permintaan terlalu besar.', en: 'Request body too large.' },
    FST_ERR_CTP_EMPTY_JSON_BODY: { id: 'Isi JSON kosong.', en: 'Empty JSON body.' },
    FST_ERR_CTP_INVALID_JSON_BODY: { id: 'JSON tidak valid.', en: 'Malformed JSON.' },
  };
  const msg = known[err.code] ?? { id: 'Permintaan tidak valid.', en: err.message };
  const code = err.code ? err.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request';
  return new AppError(status, code, msg, { field: 'body' });
}

/** A unique constraint the service did not pre-check (or a race): 409, naming the constraint's column. */
function uniqueViolation(error: unknown): AppError | undefined {
  if (sqlState(error) !== '23505') return undefined;
  const { constraint } = driverError(error);
  return new AppError(
    409,
    'already_exists',
    { id: 'Data yang sama sudah ada.', en: 'The same data already exists.' },
    { field: constraint?.replace(/^[a-z]+_/, '').replace(/_(unique|key|pkey)$/, '') ?? 'body' },
  );
}

/** A foreign key the service did not pre-check (an id of a row that does not exist): the caller's input. */
function foreignKeyViolation(error: unknown): AppError | undefined {
  if (sqlState(error) !== '23503') return undefined;
  const { detail } = driverError(error);
  const column = /Key \((\w+)\)/.exec(detail ?? '')?.[1];
  return new AppError(
    422,
    'unknown_reference',
    { id: 'Data yang dirujuk tidak ada.', en: 'The referenced record does not exist.' },
    { field: column ? column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) : 'body' },
  );
}

/**
 * Validation strips unknown properties, so an update body of only unknown ones arrives empty and
 * Drizzle builds an UPDATE without columns (or refuses to): that is the caller sending no change, not a server fault.
 */
function emptyUpdate(error: unknown): AppError | undefined {
  const query = (error as { query?: unknown }).query;
  const empty = typeof query === 'string' && /^update "[^"]+" set\s+(where|returning|$)/.test(query);
  if (!empty && (error as Error).message !== 'No values to set') return undefined;
  return new AppError(400, 'nothing_to_change', { id: 'Tidak ada perubahan yang dikirim.', en: 'No change was sent.' }, { field: 'body' });
}

/** PostgreSQL's class 22 (data exception: a value out of range, bad encoding …) is the caller's input. */
function dataException(error: unknown): AppError | undefined {
  if (!sqlState(error)?.startsWith('22')) return undefined;
  return new AppError(400, 'invalid_value', { id: 'Nilai tidak dapat diterima.', en: 'A value could not be accepted.' }, { field: 'body' });
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({
      type: `https://khidmat.id/problems/${err.code}`,
      title: err.messages.en,
      status: err.status,
      code: err.code,
      detail: err.messages.id,
      message: err.messages,
      ...(err.field ? { field: err.field } : {}),
      ...(err.errors ? { errors: err.errors } : {}),
      instance: request.url,
      requestId: request.id,
    });
}

/** A malformed address (`%ff`), refused by the framework before any route is matched. */
export const badUrl = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(reply, request, new AppError(400, 'bad_url', { id: 'Alamat tidak valid.', en: 'Malformed address.' }, { field: 'url' }));

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, request, error.status === 401 && request.passwordChangePending ? passwordChangeRequired() : error);
    if (error.validation) {
      return sendProblem(reply, request, validationProblem(error.validation as AjvIssue[], error.validationContext));
    }
    const unique = uniqueViolation(error) ?? foreignKeyViolation(error) ?? dataException(error) ?? emptyUpdate(error);
    if (unique) return sendProblem(reply, request, unique);
    const client = fromFastifyError(error);
    if (client) return sendProblem(reply, request, client);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      request,
      new AppError(500, 'internal_error', {
        id: 'Terjadi kesalahan pada server. Silakan coba lagi.',
        en: 'Something went wrong on the server. Please try again.',
      }),
    );
  });
}

const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', {
    id: 'Ganti kata sandi sementara Anda terlebih dahulu.',
    en: 'Replace your temporary password first.',
  }, { field: 'newPassword' });

export const routeNotFound = () => new AppError(404, 'route_not_found', { id: 'Alamat tidak ditemukan.', en: 'No such endpoint.' });
