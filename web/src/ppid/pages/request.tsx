import { useState } from 'react';
import { api, ApiError, query } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { useSearchParams } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { Loading, LoadError, Page } from '../../ui/page';
import { fieldError, FormError, TextField } from '../../ui/forms';
import { useSubmit } from '../../lib/use-submit';
import { ActionPanel, type StepContext } from '../actions';
import { fileSize, StatusBadges } from '../common';
import { CHANNEL, DELIVERY, EXEMPTION, IDENTITY, OBJECTION_STATUS, OBTAIN, OUTCOME, REASON, ROLE, STATUS, STEP, label } from '../labels';
import { m } from '../messages';
import { STAFF_ROLES, type Detail } from '../types';

/** The power of attorney may come, or change, until the request is verified. */
const BEFORE_VERIFICATION = ['submitted', 'clarification_needed'];

/** The power of attorney of a request filed for someone else, sent after the filing (by its requester or the desk). */
function PowerOfAttorneyUpload({ ctx, label }: { ctx: StepContext; label: string }) {
  const t = useT(m);
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, submit } = useSubmit(
    () => {
      const form = new FormData();
      if (file) form.append('file', file, file.name);
      return api<Detail>('POST', `/ppid/requests/${ctx.registrationNumber}/power-of-attorney${query({ kunci: ctx.kunci })}`, { form });
    },
    (d) => ctx.onDone(d, t('poaDoc')),
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField label={label} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} error={fieldError(error, 'file')} />
      <FormError error={error} shownFields={['file']} />
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('poaUpload')}</button>
      </div>
    </form>
  );
}

/** A request as its requester (account or secret link) or a PPID desk in scope sees it, with the steps open to them. */
export default function RequestPage({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const rn = params.registrationNumber!;
  const kunci = useSearchParams().get('kunci');
  const { data, error, loading, reload } = useApi<Detail>(`/ppid/requests/${encodeURIComponent(rn)}${query({ kunci })}`);
  const [fresh, setFresh] = useState<Detail>();
  const [said, setSaid] = useState('');
  const d = fresh && fresh.registrationNumber === rn ? fresh : data;
  if (loading && !d) return <Loading />;
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Page title={t('notFound')}>
        <p>{t('notFoundText')}</p>
      </Page>
    );
  }
  if (error || !d) return <LoadError error={error} retry={reload} />;

  const desk = !kunci && !!user && (STAFF_ROLES as readonly string[]).includes(user.role);
  const ctx: StepContext = {
    registrationNumber: rn,
    kunci,
    onDone: (next, what) => {
      setFresh(next);
      setSaid(t('done', { action: what }));
    },
  };
  // The server says whether (and until when) the requester may object: 30 working days from the reason.
  const mayObject = !desk && d.objectionDueAt !== null;
  const steps = [...d.allowedActions, ...(mayObject ? (['object'] as const) : []), ...(d.objection?.allowedActions ?? [])];
  const r = d.requester;
  const o = d.objection;
  const a = d.answer;
  const file = (path: string) => `/api/v1/ppid/requests/${rn}/${path}${query({ kunci })}`;
  return (
    <Page title={t('requestTitle', { n: rn })}>
      <p><StatusBadges s={d} /></p>
      {kunci ? <p className="hint">{t('secretNote')}</p> : null}
      <p className={said ? 'alert alert-success' : 'visually-hidden'} role="status">{said}</p>
      <div className="ppid-detail">
        <section className="card" aria-labelledby="ppid-deadlines">
          <h2 id="ppid-deadlines">{t('deadlinesTitle')}</h2>
          <dl className="ppid-dl">
            <dt>{t('received')}</dt>
            <dd>{formatDateTime(d.receivedAt, lang)} · {label(CHANNEL, d.channel, lang)}</dd>
            <dt>{t('verifyDue')}</dt>
            <dd>{formatDate(d.verifyDueAt, lang)}</dd>
            <dt>{d.extendedAt ? t('answerDueExtended') : t('answerDue')}</dt>
            <dd>{formatDate(d.answerDueAt, lang)}</dd>
            {d.extendedAt ? (
              <>
                <dt>{t('extendedOn')}</dt>
                <dd>{formatDate(d.extendedAt, lang)}</dd>
                <dt>{t('extensionReason')}</dt>
                <dd className="prewrap">{d.extensionReason}</dd>
              </>
            ) : null}
            {d.answeredAt ? (
              <>
                <dt>{t('answeredOn')}</dt>
                <dd>{formatDateTime(d.answeredAt, lang)}</dd>
              </>
            ) : null}
            <dt>{t('opdL')}</dt>
            <dd>{d.opd ? d.opd.name : t('utama')}</dd>
            {d.objectionDueAt ? (<><dt>{t('objectUntil')}</dt><dd>{formatDate(d.objectionDueAt, lang)}</dd></>) : null}
          </dl>
          <p><a href={file('receipt.pdf')} download>{t('receipt')}</a></p>
        </section>
        <section className="card" aria-labelledby="ppid-request">
          <h2 id="ppid-request">{t('requestHeading')}</h2>
          <p className="prewrap">{d.information}</p>
          <dl className="ppid-dl">
            <dt>{t('purposeL')}</dt>
            <dd className="prewrap">{d.purpose}</dd>
            <dt>{t('obtain')}</dt>
            <dd>{label(OBTAIN, d.obtainMethod, lang)}</dd>
            <dt>{t('delivery')}</dt>
            <dd>{label(DELIVERY, d.deliveryMethod, lang)}</dd>
            <dt>{t('consentL')}</dt>
            <dd>{d.publicConsent ? t('consentYes') : t('consentNo')}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="ppid-requester">
          <h2 id="ppid-requester">{t('requesterTitle')}</h2>
          <dl className="ppid-dl">
            <dt>{t('fullName')}</dt>
            <dd>{r.fullName}{r.entityName ? ` (${r.entityName})` : ''}</dd>
            <dt>{t('identity')}</dt>
            <dd>{label(IDENTITY, r.identityType, lang)}: {r.identityNumber}</dd>
            <dt>{t('address')}</dt>
            <dd>{r.address}</dd>
            {r.email ? (<><dt>{t('email')}</dt><dd>{r.email}</dd></>) : null}
            {r.phone ? (<><dt>{t('phone')}</dt><dd>{r.phone}</dd></>) : null}
            {r.onBehalfOf ? (<><dt>{t('onBehalfL')}</dt><dd>{r.onBehalfOf}</dd></>) : null}
          </dl>
          {r.powerOfAttorneyUrl ? <p><a href={r.powerOfAttorneyUrl} download>{t('poaView')}</a></p> : null}
          {r.onBehalfOf && !r.hasPowerOfAttorney ? <p className="alert alert-info">{t('poaMissing')}</p> : null}
          {r.onBehalfOf && BEFORE_VERIFICATION.includes(d.status) && (kunci || user) ? <PowerOfAttorneyUpload ctx={ctx} label={r.hasPowerOfAttorney ? t('poaReplace') : t('poa')} /> : null}
        </section>
      </div>
      {a ? (
        <section className="card" aria-labelledby="ppid-answer">
          <h2 id="ppid-answer">{t('answerTitle')}: {label(STATUS, d.status, lang)}</h2>
          {a.notice ? <p className="prewrap">{a.notice}</p> : null}
          <dl className="ppid-dl">
            {a.exemptions.length ? (<><dt>{t('exemptionsL')}</dt><dd>{a.exemptions.map((x) => label(EXEMPTION, x, lang)).join('; ')}</dd></>) : null}
            {a.consequenceTest ? (<><dt>{t('consequenceL')}</dt><dd className="prewrap">{a.consequenceTest}</dd></>) : null}
            {a.redactions.length ? (
              <>
                <dt>{t('redactionsL')}</dt>
                <dd><ul>{a.redactions.map((x, i) => <li key={i}>{x.part} ({label(EXEMPTION, x.exemption, lang)})</li>)}</ul></dd>
              </>
            ) : null}
            {a.heldBy ? (<><dt>{t('heldByL')}</dt><dd>{a.heldBy}</dd></>) : null}
            {a.costRupiah !== null ? (<><dt>{t('costL')}</dt><dd>Rp{formatNumber(a.costRupiah, lang)}</dd></>) : null}
          </dl>
          <p><a className="btn" href={a.noticeUrl} download>{t('noticePdf')}</a></p>
          {a.documents.length ? (
            <>
              <h3>{t('documentsL')}</h3>
              <ul className="ppid-docs">
                {a.documents.map((doc) => (
                  <li key={doc.id}>
                    <a href={doc.url} download={doc.name}>{doc.name}</a>{' '}
                    <span className="hint">({[fileSize(doc.bytes), doc.pages ? t('pages', { n: doc.pages }) : ''].filter(Boolean).join(', ')})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {o ? (
        <section className="card" aria-labelledby="ppid-objection">
          <h2 id="ppid-objection">{t('objectionTitle')}: {label(OBJECTION_STATUS, o.status, lang)}</h2>
          <dl className="ppid-dl">
            <dt>{t('colFiled')}</dt>
            <dd>{formatDateTime(o.filedAt, lang)}</dd>
            <dt>{t('reasonsL')}</dt>
            <dd><ul>{o.reasons.map((x) => <li key={x}>{label(REASON, x, lang)}</li>)}</ul></dd>
            <dt>{t('statementL')}</dt>
            <dd className="prewrap">{o.statement}</dd>
            {o.status === 'filed' ? (<><dt>{t('objectionDue')}</dt><dd>{formatDate(o.answerDueAt, lang)}</dd></>) : null}
            {o.decisionReason ? (<><dt>{t('decisionL')}</dt><dd className="prewrap">{o.decisionReason}</dd></>) : null}
            {o.disputeDueAt && !o.dispute ? (<><dt>{t('disputeDue')}</dt><dd>{formatDate(o.disputeDueAt, lang)}</dd></>) : null}
          </dl>
          {o.dispute ? (
            <>
              <h3>{t('disputeTitle')}</h3>
              <dl className="ppid-dl">
                <dt>{t('registerL')}</dt>
                <dd>{o.dispute.register ?? '—'} ({formatDate(o.dispute.filedAt, lang)})</dd>
                {o.dispute.hearings.length ? (
                  <>
                    <dt>{t('hearingsL')}</dt>
                    <dd><ul>{o.dispute.hearings.map((hg, i) => <li key={i}>{formatDate(hg.date, lang)}{hg.note ? ` — ${hg.note}` : ''}</li>)}</ul></dd>
                  </>
                ) : null}
                {o.dispute.outcome ? (<><dt>{t('outcomeL')}</dt><dd>{label(OUTCOME, o.dispute.outcome, lang)}{o.dispute.summary ? ` — ${o.dispute.summary}` : ''}</dd></>) : null}
              </dl>
              {o.dispute.decisionUrl ? <p><a href={o.dispute.decisionUrl} download>{t('decisionDoc')}</a></p> : null}
            </>
          ) : null}
        </section>
      ) : null}
      <ActionPanel key={d.timeline.length} ctx={ctx} detail={d} steps={steps} />
      <section aria-labelledby="ppid-timeline">
        <h2 id="ppid-timeline">{t('timelineTitle')}</h2>
        <ol className="timeline">
          {d.timeline.map((e, i) => (
            <li key={i}>
              <strong>{label(STEP, e.action, lang)}</strong> <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              {e.actorRole ? <span> — {label(ROLE, e.actorRole, lang)}</span> : null}
              {e.message ? <p className="prewrap">{e.message}</p> : null}
              {e.note ? <p className="prewrap internal">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}
