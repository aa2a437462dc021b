import { useEffect, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../lib/api';
import { useLang } from '../lib/i18n';

/** Every page: one h1, the document title follows it (screen readers announce route changes). */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Khidmat`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Loading() {
  const { lang } = useLang();
  return (
    <p className="loading" role="status">
      {lang === 'id' ? 'Memuat…' : 'Loading…'}
    </p>
  );
}

/** Worth asking again: the network or the server failed, or asked to wait. A refusal (not found, no right) would only repeat. */
const retryable = (error: unknown) => !(error instanceof ApiError) || error.status >= 500 || error.status === 408 || error.status === 429;

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { lang } = useLang();
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)[lang]}</p>
      {retry && retryable(error) ? (
        <button type="button" className="btn" onClick={retry}>
          {lang === 'id' ? 'Coba lagi' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
