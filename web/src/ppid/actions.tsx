/**
 * One small form per step the server says the caller may take now (the detail's `allowedActions`
 * and its objection's), each posting only the fields its body takes; errors appear beside them.
 */
import { useState, type ReactNode } from 'react';
import { api, query } from '../lib/api';
import { useLang, useT, type Message } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import { useSubmit } from '../lib/use-submit';
import { Checkbox, fieldError, FormError, SelectField, TextArea, TextField } from '../ui/forms';
import { todayWib } from './common';
import { EXEMPTION, OUTCOME, REASON, label } from './labels';
import { m, type Key } from './messages';
import { DISPUTE_OUTCOMES, EXEMPTION_CODES, OBJECTION_REASON_CODES, type Detail, type ObjectionAction, type RequestAction } from './types';

/** The request the forms act on, how its requester proves it is theirs, and what to do with the answer. */
export interface StepContext {
  registrationNumber: string;
  kunci: string | null;
  onDone: (d: Detail, what: string) => void;
}
type Err = (field: string) => Message | undefined;

const newKey = () => crypto.randomUUID();
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function StepForm({ ctx, path, title, body, fields, children, tone = 'primary' }: {
  ctx: StepContext;
  path: string;
  title: string;
  body: () => Record<string, unknown>;
  fields: string[];
  children: (err: Err) => ReactNode;
  tone?: 'primary' | 'danger';
}) {
  const [key, setKey] = useState(newKey);
  const { busy, error, submit } = useSubmit(
    () => api<Detail>('POST', `/ppid/requests/${ctx.registrationNumber}/${path}${query({ kunci: ctx.kunci })}`, { body: body(), headers: { 'Idempotency-Key': key } }),
    (d) => {
      setKey(newKey());
      ctx.onDone(d, title);
    },
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {children((f) => fieldError(error, f))}
      <FormError error={error} shownFields={fields} />
      <div className="btn-row">
        <button type="submit" className={`btn btn-${tone}`} disabled={busy}>{title}</button>
      </div>
    </form>
  );
}

/** A text step: one message (required or not) and, for desks, an internal note where the body takes one. */
function MessageStep({ ctx, path, title, messageLabel, required, extra, tone }: { ctx: StepContext; path: string; title: string; messageLabel: string; required: boolean; extra?: Record<string, unknown>; tone?: 'primary' | 'danger' }) {
  const [message, setMessage] = useState('');
  return (
    <StepForm ctx={ctx} path={path} title={title} tone={tone} fields={['message']} body={() => ({ ...extra, ...(opt(message) ? { message: message.trim() } : {}) })}>
      {(err) => <TextArea label={messageLabel} required={required} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} error={err('message')} />}
    </StepForm>
  );
}

function OpdSelect({ value, onChange, error, labelText, empty }: { value: string; onChange: (v: string) => void; error: Message | undefined; labelText: string; empty: string }) {
  const opds = useApi<{ code: string; name: string; isTriage: boolean }[]>('/opds');
  return (
    <SelectField label={labelText} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">{empty}</option>
      {opds.data?.filter((o) => !o.isTriage).map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
    </SelectField>
  );
}

function Verify({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const [opdCode, setOpd] = useState('');
  return (
    <StepForm ctx={ctx} path="verify" title={t('act_verify')} fields={['opdCode']} body={() => (opdCode ? { opdCode } : {})}>
      {(err) => <OpdSelect labelText={t('verifyOpd')} empty={t('keepUtama')} value={opdCode} onChange={setOpd} error={err('opdCode')} />}
    </StepForm>
  );
}

function Route({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const [opdCode, setOpd] = useState('');
  const [note, setNote] = useState('');
  return (
    <StepForm ctx={ctx} path="route" title={t('act_route')} fields={['opdCode', 'message']} body={() => ({ opdCode, ...(opt(note) ? { message: note.trim() } : {}) })}>
      {(err) => (
        <>
          <OpdSelect labelText={t('opd')} empty={t('chooseOpd')} value={opdCode} onChange={setOpd} error={err('opdCode')} />
          <TextArea label={t('internalNote')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={err('message')} />
        </>
      )}
    </StepForm>
  );
}

/** Answer documents go up as soon as they are chosen (POST /uploads/documents) and travel as documentIds. */
function DocumentsField({ ids, onChange }: { ids: { id: string; name: string }[]; onChange: (ids: { id: string; name: string }[]) => void }) {
  const t = useT(m);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const upload = async (files: File[]) => {
    setBusy(true);
    setError(undefined);
    const added: { id: string; name: string }[] = [];
    try {
      for (const f of files) {
        const form = new FormData();
        form.append('file', f, f.name);
        added.push(await api<{ id: string; name: string }>('POST', '/uploads/documents', { form }));
      }
    } catch (err) {
      setError(err);
    } finally {
      onChange([...ids, ...added]);
      setBusy(false);
    }
  };
  return (
    <>
      <TextField
        label={t('documents')}
        type="file"
        multiple
        accept=".pdf,.xlsx,.csv,application/pdf,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,image/jpeg,image/png,image/webp"
        hint={busy ? t('uploading') : undefined}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) void upload(files);
        }}
        error={fieldError(error, 'file') ?? (error ? { id: 'Gagal mengunggah.', en: 'Upload failed.' } : undefined)}
      />
      {ids.length ? (
        <ul className="ppid-docs">
          {ids.map((d) => (
            <li key={d.id}>
              {d.name}{' '}
              <button type="button" className="btn btn-ghost" onClick={() => onChange(ids.filter((x) => x.id !== d.id))}>{t('removeDoc', { name: d.name })}</button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ExemptionsField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error: Message | undefined }) {
  const t = useT(m);
  const { lang } = useLang();
  return (
    <fieldset aria-describedby={error ? 'ppid-exemptions-error' : undefined}>
      <legend>{t('exemptions')}</legend>
      {error ? <p className="field-error" id="ppid-exemptions-error" role="alert">{error[lang]}</p> : null}
      {EXEMPTION_CODES.map((c) => (
        <Checkbox key={c} label={label(EXEMPTION, c, lang)} checked={value.includes(c)} onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))} />
      ))}
    </fieldset>
  );
}

/** Grant, grant in part, refuse, not held: the written notice, and what each answer adds to it. */
function Answer({ ctx, action }: { ctx: StepContext; action: 'grant' | 'grant_partly' | 'refuse' | 'not_held' }) {
  const t = useT(m);
  const { lang } = useLang();
  const [notice, setNotice] = useState('');
  const [cost, setCost] = useState('');
  const [docs, setDocs] = useState<{ id: string; name: string }[]>([]);
  const [exemptions, setExemptions] = useState<string[]>([]);
  const [consequence, setConsequence] = useState('');
  const [redactions, setRedactions] = useState<{ part: string; exemption: string }[]>([]);
  const [heldBy, setHeldBy] = useState('');
  const grants = action === 'grant' || action === 'grant_partly';
  const withholds = action === 'grant_partly' || action === 'refuse';
  const path = { grant: 'grant', grant_partly: 'grant-partly', refuse: 'refuse', not_held: 'not-held' }[action];
  const body = () => ({
    message: notice.trim(),
    ...(grants && cost.trim() ? { costRupiah: Number(cost.replace(/\D/g, '')) } : {}),
    ...(grants && docs.length ? { documentIds: docs.map((d) => d.id) } : {}),
    ...(withholds ? { exemptions, consequenceTest: consequence.trim() } : {}),
    ...(action === 'grant_partly' && redactions.length ? { redactions: redactions.map((r) => ({ part: r.part.trim(), exemption: r.exemption })) } : {}),
    ...(action === 'not_held' && opt(heldBy) ? { heldBy: heldBy.trim() } : {}),
  });
  const fields = ['message', 'costRupiah', 'documentIds', 'exemptions', 'consequenceTest', 'redactions', 'heldBy', 'file'];
  return (
    <StepForm ctx={ctx} path={path} title={t(`act_${action}` as Key)} tone={action === 'refuse' ? 'danger' : 'primary'} fields={fields} body={body}>
      {(err) => (
        <>
          <TextArea label={t('notice')} hint={t('noticeHint')} required rows={4} value={notice} onChange={(e) => setNotice(e.target.value)} error={err('message')} />
          {withholds ? (
            <>
              <ExemptionsField value={exemptions} onChange={setExemptions} error={err('exemptions')} />
              <TextArea label={t('consequence')} hint={t('consequenceHint')} required rows={3} value={consequence} onChange={(e) => setConsequence(e.target.value)} error={err('consequenceTest')} />
            </>
          ) : null}
          {action === 'grant_partly' ? (
            <fieldset>
              <legend>{t('redactionsL')}</legend>
              {err('redactions') ? <p className="field-error" role="alert">{err('redactions')![lang]}</p> : null}
              {redactions.map((r, i) => (
                <div key={i} className="ppid-redaction">
                  <TextField label={t('redaction', { n: i + 1 })} value={r.part} onChange={(e) => setRedactions(redactions.map((x, j) => (j === i ? { ...x, part: e.target.value } : x)))} />
                  <SelectField label={t('redactionGround', { n: i + 1 })} value={r.exemption} onChange={(e) => setRedactions(redactions.map((x, j) => (j === i ? { ...x, exemption: e.target.value } : x)))}>
                    {EXEMPTION_CODES.map((c) => <option key={c} value={c}>{label(EXEMPTION, c, lang)}</option>)}
                  </SelectField>
                  <button type="button" className="btn btn-ghost" onClick={() => setRedactions(redactions.filter((_, j) => j !== i))}>{t('removeRedaction', { n: i + 1 })}</button>
                </div>
              ))}
              <button type="button" className="btn" onClick={() => setRedactions([...redactions, { part: '', exemption: exemptions[0] ?? 'h' }])}>{t('addRedaction')}</button>
            </fieldset>
          ) : null}
          {action === 'not_held' ? <TextField label={t('heldBy')} value={heldBy} onChange={(e) => setHeldBy(e.target.value)} error={err('heldBy')} /> : null}
          {grants ? (
            <>
              <DocumentsField ids={docs} onChange={setDocs} />
              {err('documentIds') ? <p className="field-error" role="alert">{err('documentIds')![lang]}</p> : null}
              <TextField label={t('cost')} inputMode="numeric" value={cost} onChange={(e) => setCost(e.target.value)} error={err('costRupiah')} />
            </>
          ) : null}
        </>
      )}
    </StepForm>
  );
}

function Comment({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const [message, setMessage] = useState('');
  const [visible, setVisible] = useState(false);
  return (
    <StepForm ctx={ctx} path="comments" title={t('act_comment')} fields={['message', 'public']} body={() => ({ message: message.trim(), public: visible })}>
      {(err) => (
        <>
          <TextArea label={t('act_comment')} required rows={3} value={message} onChange={(e) => setMessage(e.target.value)} error={err('message')} />
          <Checkbox label={t('publicComment')} checked={visible} onChange={(e) => setVisible(e.target.checked)} />
        </>
      )}
    </StepForm>
  );
}

function Clarify({ ctx, information }: { ctx: StepContext; information: string }) {
  const t = useT(m);
  const [text, setText] = useState(information);
  const [message, setMessage] = useState('');
  return (
    <StepForm ctx={ctx} path="clarify" title={t('act_clarify')} fields={['information', 'message']} body={() => ({ information: text.trim(), ...(opt(message) ? { message: message.trim() } : {}) })}>
      {(err) => (
        <>
          <TextArea label={t('clarifiedInfo')} required rows={5} value={text} onChange={(e) => setText(e.target.value)} error={err('information')} />
          <TextArea label={t('optionalMessage')} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} error={err('message')} />
        </>
      )}
    </StepForm>
  );
}

function ObjectForm({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const { lang } = useLang();
  const [reasons, setReasons] = useState<string[]>([]);
  const [statement, setStatement] = useState('');
  return (
    <StepForm ctx={ctx} path="objection" title={t('act_object')} fields={['reasons', 'statement', 'status']} body={() => ({ reasons, statement: statement.trim() })}>
      {(err) => (
        <>
          <p className="hint">{t('objectHint')}</p>
          <fieldset>
            <legend>{t('reasons')}</legend>
            {err('reasons') ? <p className="field-error" role="alert">{err('reasons')![lang]}</p> : null}
            {OBJECTION_REASON_CODES.map((c) => (
              <Checkbox key={c} label={label(REASON, c, lang)} checked={reasons.includes(c)} onChange={(e) => setReasons(e.target.checked ? [...reasons, c] : reasons.filter((x) => x !== c))} />
            ))}
          </fieldset>
          <TextArea label={t('statement')} required rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} error={err('statement')} />
          {err('status') ? <p className="field-error" role="alert">{err('status')![lang]}</p> : null}
        </>
      )}
    </StepForm>
  );
}

function Dispute({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const [register, setRegister] = useState('');
  const [message, setMessage] = useState('');
  return (
    <StepForm ctx={ctx} path="objection/dispute" title={t('act_file_dispute')} fields={['register', 'message', 'status']} body={() => ({ register: register.trim(), ...(opt(message) ? { message: message.trim() } : {}) })}>
      {(err) => (
        <>
          <TextField label={t('register')} required value={register} onChange={(e) => setRegister(e.target.value)} error={err('register') ?? err('status')} />
          <TextArea label={t('optionalMessage')} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} error={err('message')} />
        </>
      )}
    </StepForm>
  );
}

function Hearing({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const [date, setDate] = useState(todayWib);
  const [note, setNote] = useState('');
  return (
    <StepForm ctx={ctx} path="objection/hearings" title={t('act_record_hearing')} fields={['date', 'message']} body={() => ({ date, ...(opt(note) ? { message: note.trim() } : {}) })}>
      {(err) => (
        <>
          <TextField label={t('hearingDate')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={err('date')} />
          <TextField label={t('hearingNote')} value={note} onChange={(e) => setNote(e.target.value)} error={err('message')} />
        </>
      )}
    </StepForm>
  );
}

function DisputeOutcome({ ctx }: { ctx: StepContext }) {
  const t = useT(m);
  const { lang } = useLang();
  const [outcome, setOutcome] = useState<string>('granted');
  const [summary, setSummary] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [documentId, setDocumentId] = useState('');
  // The document goes up when chosen, so a refused decision form keeps it.
  const [uploadError, setUploadError] = useState<unknown>();
  const choose = async (f: File | null) => {
    setScan(f);
    setDocumentId('');
    setUploadError(undefined);
    if (!f) return;
    const form = new FormData();
    form.append('file', f, f.name);
    try {
      setDocumentId((await api<{ id: string }>('POST', '/uploads/documents', { form })).id);
    } catch (err) {
      setUploadError(err);
    }
  };
  return (
    <StepForm ctx={ctx} path="objection/dispute-outcome" title={t('act_record_dispute_outcome')} fields={['outcome', 'message', 'documentId', 'file']} body={() => ({ outcome, message: summary.trim(), documentId })}>
      {(err) => (
        <>
          <SelectField label={t('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={err('outcome')}>
            {DISPUTE_OUTCOMES.map((o) => <option key={o} value={o}>{label(OUTCOME, o, lang)}</option>)}
          </SelectField>
          <TextArea label={t('outcomeSummary')} required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={err('message')} />
          <TextField
            label={t('decisionScan')}
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            required
            hint={scan && !documentId && !uploadError ? t('uploading') : t('scanHint')}
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
            error={fieldError(uploadError, 'file') ?? err('documentId')}
          />
        </>
      )}
    </StepForm>
  );
}

type Step = RequestAction | ObjectionAction | 'object';

/** The forms for the steps open to the caller now, each folded under its name. */
export function ActionPanel({ ctx, detail, steps }: { ctx: StepContext; detail: Detail; steps: Step[] }) {
  const t = useT(m);
  const [open, setOpen] = useState<Step | null>(null);
  const forms: Partial<Record<Step, ReactNode>> = {
    verify: <Verify ctx={ctx} />,
    ask_clarification: <MessageStep ctx={ctx} path="ask-clarification" title={t('act_ask_clarification')} messageLabel={t('message')} required />,
    route: <Route ctx={ctx} />,
    return_to_utama: <MessageStep ctx={ctx} path="return" title={t('act_return_to_utama')} messageLabel={t('returnReason')} required />,
    extend: <MessageStep ctx={ctx} path="extend" title={t('act_extend')} messageLabel={t('reasonToRequester')} required />,
    grant: <Answer ctx={ctx} action="grant" />,
    grant_partly: <Answer ctx={ctx} action="grant_partly" />,
    refuse: <Answer ctx={ctx} action="refuse" />,
    not_held: <Answer ctx={ctx} action="not_held" />,
    comment: <Comment ctx={ctx} />,
    clarify: <Clarify ctx={ctx} information={detail.information} />,
    withdraw: <MessageStep ctx={ctx} path="withdraw" title={t('act_withdraw')} messageLabel={t('optionalMessage')} required={false} tone="danger" />,
    object: <ObjectForm ctx={ctx} />,
    uphold: <MessageStep ctx={ctx} path="objection/uphold" title={t('act_uphold')} messageLabel={t('decisionReason')} required />,
    dismiss: <MessageStep ctx={ctx} path="objection/dismiss" title={t('act_dismiss')} messageLabel={t('decisionReason')} required tone="danger" />,
    file_dispute: <Dispute ctx={ctx} />,
    record_hearing: <Hearing ctx={ctx} />,
    record_dispute_outcome: <DisputeOutcome ctx={ctx} />,
  };
  const shown = steps.filter((s) => forms[s]);
  if (!shown.length) return null;
  return (
    <section className="ppid-actions" aria-labelledby="ppid-actions">
      <h2 id="ppid-actions">{t('actionsTitle')}</h2>
      {shown.map((s) => (
        <details key={s} open={open === s} onToggle={(e) => (e.currentTarget.open ? setOpen(s) : open === s && setOpen(null))}>
          <summary>{t(`act_${s}` as Key)}</summary>
          {open === s ? forms[s] : null}
        </details>
      ))}
    </section>
  );
}
