import { useState, type ReactNode } from 'react';
import { api } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { Badges, newKey } from '../common';
import { ChecklistView } from '../checklist';
import { m, type Key } from '../messages';
import { PROGRAMMES, SECTIONS, type Detail } from '../types';

type Fields = Record<string, string>;

/** One lifecycle action as a small form; the server decides, errors appear beside their fields. */
function ActionForm({ tn, path, title, initial, render, build, onDone }: {
  tn: string;
  path: string;
  title: string;
  initial: Fields;
  render: (v: Fields, set: (k: string, val: string) => void, err: (f: string) => ReturnType<typeof fieldError>) => ReactNode;
  build: (v: Fields) => Record<string, unknown>;
  onDone: (d: Detail) => void;
}) {
  const [values, setValues] = useState(initial);
  const [key] = useState(newKey);
  const { busy, error, submit } = useSubmit(
    () => api<Detail>('POST', `/kemiskinan/complaints/${tn}/${path}`, { body: build(values), headers: { 'Idempotency-Key': key } }),
    (d) => {
      onDone(d);
      setValues(initial);
    },
  );
  const err = (f: string) => fieldError(error, f);
  return (
    <form className="card kms-action" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{title}</h3>
      {render(values, (k, val) => setValues({ ...values, [k]: val }), err)}
      <FormError error={error} shownFields={Object.keys(initial).concat(['assistance.amount', 'assistance.givenOn', 'assistance.goods'])} />
      <button type="submit" className="btn btn-primary" disabled={busy}>{title}</button>
    </form>
  );
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

export default function Complaint({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const tn = params.trackingNumber!;
  const { data, error, loading, reload } = useApi<Detail>(`/kemiskinan/complaints/${tn}`);
  const [fresh, setFresh] = useState<Detail>();
  const c = fresh ?? data;
  const staff = user?.role !== 'citizen';
  const volunteers = useApi<{ id: string; fullName: string }[]>(c?.actions.includes('assign_visit') ? '/kemiskinan/volunteers' : null);
  const opds = useApi<{ code: string; name: string }[]>(c?.actions.includes('refer') ? '/opds' : null);
  if (loading && !c) return <Loading />;
  if (error || !c) return <LoadError error={error} retry={reload} />;
  const done = (d: Detail) => setFresh(d);
  const text = (k: string, label: Key, v: Fields, set: (k: string, val: string) => void, err: (f: string) => ReturnType<typeof fieldError>, area = false) =>
    area ? <TextArea label={t(label)} value={v[k]} onChange={(e) => set(k, e.target.value)} error={err(k)} rows={3} /> : <TextField label={t(label)} value={v[k]} onChange={(e) => set(k, e.target.value)} error={err(k)} />;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const forms: Record<string, ReactNode> = {
    route: (
      <ActionForm tn={tn} path="route" title={t('route')} initial={{ section: c.suggestedSection, note: '' }} onDone={done}
        build={(v) => ({ section: v.section, note: opt(v.note!) })}
        render={(v, set, err) => (
          <>
            <SelectField label={t('section')} value={v.section} onChange={(e) => set('section', e.target.value)} error={err('section')}>
              {SECTIONS.map((s) => <option key={s} value={s}>{t(s)}</option>)}
            </SelectField>
            {text('note', 'note', v, set, err, true)}
          </>
        )} />
    ),
    assign_visit: (
      <ActionForm tn={tn} path="assign-visit" title={t('assignVisit')} initial={{ volunteerId: '', instruction: '' }} onDone={done}
        build={(v) => ({ volunteerId: v.volunteerId, instruction: opt(v.instruction!) })}
        render={(v, set, err) => (
          <>
            <SelectField label={t('volunteer')} required value={v.volunteerId} onChange={(e) => set('volunteerId', e.target.value)} error={err('volunteerId')}>
              <option value="">—</option>
              {volunteers.data?.map((x) => <option key={x.id} value={x.id}>{x.fullName}</option>)}
            </SelectField>
            {text('instruction', 'instruction', v, set, err, true)}
          </>
        )} />
    ),
    assist: (
      <ActionForm tn={tn} path="assist" title={t('assist')} initial={{ programme: 'PANGAN', amount: '', goods: '', givenOn: today, givenBy: 'Dinas Sosial', message: '' }} onDone={done}
        build={(v) => ({ assistance: { programme: v.programme, amount: v.amount ? Number(v.amount) : undefined, goods: opt(v.goods!), givenOn: v.givenOn, givenBy: v.givenBy }, message: opt(v.message!) })}
        render={(v, set, err) => (
          <>
            <SelectField label={t('programme')} value={v.programme} onChange={(e) => set('programme', e.target.value)}>
              {PROGRAMMES.map((p) => <option key={p} value={p}>{p}</option>)}
            </SelectField>
            <TextField label={t('amount')} inputMode="numeric" value={v.amount} onChange={(e) => set('amount', e.target.value)} error={err('assistance.amount')} />
            <TextField label={t('goods')} value={v.goods} onChange={(e) => set('goods', e.target.value)} error={err('assistance.goods')} />
            <TextField label={t('givenOn')} type="date" value={v.givenOn} onChange={(e) => set('givenOn', e.target.value)} error={err('assistance.givenOn')} />
            <TextField label={t('givenBy')} value={v.givenBy} onChange={(e) => set('givenBy', e.target.value)} error={err('assistance.givenBy')} />
            {text('message', 'message', v, set, err)}
          </>
        )} />
    ),
    refer: (
      <ActionForm tn={tn} path="refer" title={t('refer')} initial={{ opdCode: '', instruction: '' }} onDone={done}
        build={(v) => ({ opdCode: v.opdCode, instruction: v.instruction })}
        render={(v, set, err) => (
          <>
            <SelectField label={t('opd')} required value={v.opdCode} onChange={(e) => set('opdCode', e.target.value)} error={err('opdCode')}>
              <option value="">—</option>
              {opds.data?.filter((o) => o.code !== 'DINSOS').map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
            </SelectField>
            {text('instruction', 'instruction', v, set, err, true)}
          </>
        )} />
    ),
    refuse: <ActionForm tn={tn} path="refuse" title={t('refuse')} initial={{ message: '' }} onDone={done} build={(v) => ({ message: opt(v.message!) })} render={(v, set, err) => text('message', 'reason', v, set, err, true)} />,
    withdraw: <ActionForm tn={tn} path="withdraw" title={t('withdraw')} initial={{ message: '' }} onDone={done} build={(v) => ({ message: opt(v.message!) })} render={(v, set, err) => text('message', 'reason', v, set, err)} />,
    take_emergency: <ActionForm tn={tn} path="take-emergency" title={t('takeEmergency')} initial={{ message: '' }} onDone={done} build={(v) => ({ message: opt(v.message!) })} render={(v, set, err) => text('message', 'message', v, set, err)} />,
    register_match: <ActionForm tn={tn} path="register-match" title={t('registerMatch')} initial={{}} onDone={done} build={() => ({})} render={() => null} />,
    comment: <ActionForm tn={tn} path="comments" title={t('comment')} initial={{ message: '', note: '' }} onDone={done} build={(v) => ({ message: opt(v.message!), note: opt(v.note!) })} render={(v, set, err) => <>{text('message', 'message', v, set, err)}{text('note', 'note', v, set, err)}</>} />,
  };
  const hh = c.household;
  return (
    <Page title={`${c.trackingNumber} — ${c.needLabel[lang]}`}>
      <p><Badges c={c} /></p>
      <div className="kms-detail">
        <section className="card" aria-labelledby="kms-hh">
          <h2 id="kms-hh">{t('household')}</h2>
          <dl className="staff-dl">
            <dt>{t('colHousehold')}</dt><dd>{hh.headName}</dd>
            <dt>{t('kk')}</dt><dd>{hh.kk ?? hh.kkMasked}</dd>
            <dt>{t('address')}</dt><dd>{hh.address}, RT {hh.rt}/RW {hh.rw}, {hh.kelurahanName}</dd>
          </dl>
          <h3>{t('members2')}</h3>
          <ul>{hh.members.map((mb, i) => <li key={i}>{mb.name} ({t(mb.relation as 'anak')}) — {mb.nik ?? mb.nikMasked}</li>)}</ul>
          <p>{c.register ? t('registerInfo', { period: c.register.period ?? '', decile: c.register.decile ?? '', programmes: c.register.programmes.join(', ') || '—' }) : t('notRegisteredInfo')}</p>
        </section>
        <section className="card" aria-labelledby="kms-need">
          <h2 id="kms-need">{t('needHeading')}</h2>
          <p className="prewrap">{c.description}</p>
          {c.sectionLabel ? <p>{t('section')}: {c.sectionLabel[lang]}</p> : null}
          {staff && c.sla.resolveDueAt ? <p>{t('due')}: {formatDateTime(c.sla.resolveDueAt, lang)}</p> : null}
          {c.photos.length ? <ul className="staff-thumbs">{c.photos.map((p) => <li key={p.id}><a href={p.url}><img src={p.url} alt={t('photos')} width={120} height={Math.round((120 * p.height) / p.width)} /></a></li>)}</ul> : null}
        </section>
      </div>
      {c.assistance.length ? (
        <section aria-labelledby="kms-aid"><h2 id="kms-aid">{t('assistanceHeading')}</h2>
          <ul>{c.assistance.map((a, i) => <li key={i}>{a.programme}: {a.amount !== null ? `Rp${formatNumber(a.amount, lang)}` : a.goods} — {formatDate(a.givenOn, lang)}, {a.givenBy}</li>)}</ul>
        </section>
      ) : null}
      {c.referrals.length ? (
        <section aria-labelledby="kms-ref"><h2 id="kms-ref">{t('referralsHeading')}</h2>
          <ul>{c.referrals.map((r) => <li key={r.id}>{r.opdName}: {r.instruction ?? ''} {r.response ? `— ${r.response}` : ''}</li>)}</ul>
        </section>
      ) : null}
      {c.visits.length ? (
        <section aria-labelledby="kms-visits"><h2 id="kms-visits">{t('visitsHeading')}</h2>
          <ul>
            {c.visits.map((v) => (
              <li key={v.id}>
                {v.volunteerName}: {v.visitedAt ? [formatDateTime(v.visitedAt, lang), v.recommendation && t(`rec_${v.recommendation}` as Key), v.notes].filter(Boolean).join(' — ') : t('visitDue', { date: formatDate(v.dueAt, lang) })}
                {v.checklist ? <ChecklistView checklist={v.checklist} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.actions.filter((a) => forms[a]).length ? (
        <section aria-labelledby="kms-actions"><h2 id="kms-actions">{t('actionsHeading')}</h2>
          <div className="kms-actions">{c.actions.filter((a) => forms[a]).map((a) => <div key={a}>{forms[a]}</div>)}</div>
        </section>
      ) : null}
      <section aria-labelledby="kms-timeline">
        <h2 id="kms-timeline">{t('timeline')}</h2>
        <ol className="timeline">
          {c.timeline.map((e) => (
            <li key={e.id}>
              <strong>{e.label[lang]}</strong> <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              {e.actor.name ? <span> — {e.actor.name}</span> : null}
              {e.message ? <p className="prewrap">{e.message}</p> : null}
              {e.note ? <p className="prewrap hint">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}
