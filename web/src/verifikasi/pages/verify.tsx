import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SubmitRow, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { m } from '../messages';
import type { CopyCheck, Verification } from '../types';
import '../verify.css';

const BADGE = { valid: 'badge-ok', expired: 'badge-warn', revoked: 'badge-late' } as const;

/** The page a signed document's QR code opens: the registry's facts, and a check of an uploaded copy. */
export default function Verify({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const code = params.code ?? '';
  const doc = useApi<Verification>(`/verifications/${encodeURIComponent(code)}`);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CopyCheck | null>(null);
  const check = useSubmit(
    () => {
      const form = new FormData();
      if (file) form.append('file', file);
      setResult(null);
      return api<CopyCheck>('POST', `/verifications/${encodeURIComponent(code)}/check`, { form });
    },
    setResult,
  );

  if (doc.error instanceof ApiError && (doc.error.status === 404 || doc.error.status === 400)) {
    return (
      <Page title={t('title')}>
        <div className="alert alert-error" role="alert">{t('notFound')}</div>
      </Page>
    );
  }
  const d = doc.data;
  return (
    <Page title={t('title')}>
      {doc.error ? <LoadError error={doc.error} retry={doc.reload} /> : null}
      {doc.loading && !d ? <Loading /> : null}
      {d ? (
        <>
          <p className="lead">{t('lead')}</p>
          {d.status === 'revoked' ? <div className="alert alert-error" role="alert">{t('revokedOn', { date: formatDate(d.revokedAt, lang) })}</div> : null}
          {d.status === 'expired' && d.validUntil ? <div className="alert alert-error" role="alert">{t('expiredOn', { date: formatDate(d.validUntil, lang) })}</div> : null}
          <dl className="card verify-facts">
            <dt>{t('status')}</dt>
            <dd><span className={`badge ${BADGE[d.status]}`}>{t(d.status)}</span></dd>
            <dt>{t('number')}</dt>
            <dd>{d.documentNumber}</dd>
            <dt>{t('docTitle')}</dt>
            <dd>{d.title}</dd>
            <dt>{t('issuer')}</dt>
            <dd>{d.issuer.name}</dd>
            <dt>{t('issuedAt')}</dt>
            <dd>{formatDateTime(d.issuedAt, lang)}</dd>
            <dt>{t('validUntil')}</dt>
            <dd>{d.validUntil ? formatDate(d.validUntil, lang) : t('noExpiry')}</dd>
            <dt>{t('holder')}</dt>
            <dd>{d.holder}</dd>
            <dt>{t('signer')}</dt>
            <dd>{d.signer}</dd>
            <dt>{t('hash')}</dt>
            <dd className="verify-hash">{d.sha256}</dd>
          </dl>

          <h2>{t('checkTitle')}</h2>
          <p className="hint">{t('checkLead')}</p>
          <form onSubmit={check.submit} noValidate>
            <TextField label={t('file')} type="file" accept="application/pdf,.pdf" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} error={fieldError(check.error, 'file')} />
            <FormError error={check.error} shownFields={['file']} />
            <SubmitRow label={check.busy ? t('checking') : t('check')} busy={check.busy} />
          </form>
          <div aria-live="polite">
            {result ? (
              <div className={`alert ${result.verdict === 'authentic' ? 'alert-success' : 'alert-error'}`} data-verdict={result.verdict}>
                <p><strong>{t(result.verdict, { number: d.documentNumber })}</strong></p>
                {result.verdict === 'authentic' && result.document.status === 'revoked' ? <p>{t('stillRevoked')}</p> : null}
                {result.verdict === 'authentic' && result.document.status === 'expired' ? <p>{t('stillExpired')}</p> : null}
                {result.verdict !== 'authentic' ? <p className="verify-hash">{t('yourHash')}: {result.sha256}</p> : null}
              </div>
            ) : null}
          </div>
        </>
      ) : null}
    </Page>
  );
}
