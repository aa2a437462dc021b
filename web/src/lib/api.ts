import type { Message } from './i18n';

/** A refusal from the API (problem+json): stable code, bilingual message, the field it concerns. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Message,
    readonly field: string | undefined,
    readonly errors: { field: string; code: string; message: Message }[],
  ) {
    super(messages.en);
  }

  /** Message per field name, for showing each error next to its input. */
  byField(): Record<string, Message> {
    const out: Record<string, Message> = {};
    for (const e of this.errors) out[e.field] ??= e.message;
    if (this.field && !out[this.field]) out[this.field] = this.messages;
    return out;
  }
}

/** The network is down (or the server unreachable): callers may queue the work for later. */
export class OfflineError extends Error {}

const OFFLINE_MESSAGE: Message = {
  id: 'Tidak ada koneksi. Periksa jaringan Anda lalu coba lagi.',
  en: 'No connection. Check your network and try again.',
};

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Every call goes through here: the session cookie rides along, errors become ApiError. */
export async function api<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: body ?? null, credentials: 'same-origin', signal: opts.signal ?? null });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new OfflineError(OFFLINE_MESSAGE.en);
  }
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (typeof data === 'object' && data ? data : {}) as Partial<{ code: string; message: Message; field: string; errors: ApiError['errors'] }>;
    throw new ApiError(
      res.status,
      p.code ?? `http_${res.status}`,
      p.message ?? { id: `Permintaan gagal (${res.status}).`, en: `Request failed (${res.status}).` },
      p.field,
      p.errors ?? [],
    );
  }
  return data as T;
}

/** The message to show for any thrown error, in the user's language. */
export function errorMessage(err: unknown): Message {
  if (err instanceof ApiError) return err.messages;
  if (err instanceof OfflineError) return OFFLINE_MESSAGE;
  return { id: 'Terjadi kesalahan tak terduga.', en: 'Something unexpected went wrong.' };
}

/** Builds a query string, skipping empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
