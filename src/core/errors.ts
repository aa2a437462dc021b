/**
 * Every refusal the platform gives is an AppError: a stable machine code, an HTTP status, and the
 * message in Indonesian (the default UI language) and English. The HTTP layer turns it into
 * RFC 9457 problem+json; services throw it without knowing about HTTP.
 */
export interface Message {
  id: string;
  en: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: Message;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Message;
  readonly field: string | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(
    status: number,
    code: string,
    messages: Message,
    opts: { field?: string; errors?: FieldError[] } = {},
  ) {
    super(messages.en);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.field = opts.field;
    this.errors = opts.errors;
  }
}

/** A field failed a domain rule (the schema already passed). */
export const invalid = (code: string, id: string, en: string, field: string): AppError =>
  new AppError(422, code, { id, en }, { field });

export const unauthenticated = (): AppError =>
  new AppError(401, 'unauthenticated', {
    id: 'Silakan masuk terlebih dahulu.',
    en: 'Please log in first.',
  });
export const forbidden = (): AppError =>
  new AppError(403, 'forbidden', {
    id: 'Anda tidak berwenang melakukan tindakan ini.',
    en: 'You are not allowed to do this.',
  });
/** Scope failures answer 404 so that staff cannot probe which reports exist elsewhere. */
export const notFound = (what: Message = { id: 'Data', en: 'Resource' }): AppError =>
  new AppError(404, 'not_found', {
    id: `${what.id} tidak ditemukan.`,
    en: `${what.en} not found.`,
  });
export const conflict = (code: string, id: string, en: string, field?: string): AppError =>
  new AppError(409, code, { id, en }, field === undefined ? {} : { field });
export const tooMany = (): AppError =>
  new AppError(429, 'too_many_requests', {
    id: 'Terlalu banyak percobaan. Coba lagi nanti.',
    en: 'Too many attempts. Try again later.',
  });
