import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { Checkbox, fieldError, FormError, SelectField, TextArea, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { useSubmit } from '../../lib/use-submit';
import { m, type StaffKey } from '../messages';
import type { Category, Holiday, Kecamatan, Opd, Road } from '../types';
import { Table } from '../../ui/table';

/** Super-admin pages over the reference endpoints; every change is audited server-side. */
export const ADMIN_PAGES: { to: string; label: StaffKey }[] = [
  { to: '/staf/admin/wilayah', label: 'adminRegions' },
  { to: '/staf/admin/opd', label: 'adminOpds' },
  { to: '/staf/admin/kategori', label: 'adminCategories' },
  { to: '/staf/admin/libur', label: 'adminHolidays' },
  { to: '/staf/admin/jalan', label: 'adminRoads' },
];

export function AdminHome() {
  const t = useT(m);
  return (
    <Page title={t('adminTitle')}>
      <ul className="card-list">
        {ADMIN_PAGES.map((p) => (
          <li key={p.to} className="card">
            <Link to={p.to}>{t(p.label)}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** A list page: loads `path`, shows loading/errors, renders the rows and an add form. */
function ListPage<T>({ title, path, children }: { title: StaffKey; path: string; children: (rows: T[], reload: () => void) => ReactNode }) {
  const t = useT(m);
  const list = useApi<T[]>(path);
  return (
    <Page title={t(title)} actions={<Link to="/staf/admin" className="btn">{t('adminTitle')}</Link>}>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? children(list.data, list.reload) : null}
    </Page>
  );
}

function Saved({ show }: { show: boolean }) {
  const t = useT(m);
  return show ? (
    <p className="alert alert-success" role="status">
      {t('saved')}
    </p>
  ) : null;
}

export function Holidays() {
  return <ListPage<Holiday> title="adminHolidays" path="/holidays">{(rows, reload) => <HolidayBody rows={rows} reload={reload} />}</ListPage>;
}

function HolidayBody({ rows, reload }: { rows: Holiday[]; reload: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const [form, setForm] = useState<Holiday>({ date: '', kind: 'libur_nasional', name: '' });
  const [saved, setSaved] = useState(false);
  const add = useSubmit(
    () => {
      if (!form.date) throw fieldRefusal('date');
      return api('PUT', `/holidays/${form.date}`, { body: { kind: form.kind, name: form.name } });
    },
    () => {
      setSaved(true);
      setForm({ date: '', kind: form.kind, name: '' });
      reload();
    },
  );
  const [removeError, setRemoveError] = useState<unknown>();
  return (
    <>
      <h2>{t('add')}</h2>
      <Saved show={saved} />
      <form onSubmit={(e) => void add.submit(e)} noValidate>
        <TextField label={t('holidayDate')} type="date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} error={fieldError(add.error, 'date')} />
        <SelectField label={t('holidayKind')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Holiday['kind'] })} error={fieldError(add.error, 'kind')}>
          <option value="libur_nasional">{t('kind_libur_nasional')}</option>
          <option value="cuti_bersama">{t('kind_cuti_bersama')}</option>
        </SelectField>
        <TextField label={t('holidayName')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError(add.error, 'name')} />
        <FormError error={add.error} shownFields={['date', 'kind', 'name']} />
        <button type="submit" className="btn btn-primary" disabled={add.busy}>
          {t('add')}
        </button>
      </form>
      <FormError error={removeError} />
      <Table columns={[t('holidayDate'), t('holidayName'), t('holidayKind'), { label: <span className="visually-hidden">{t('actions')}</span> }]}>
        {rows.map((h) => (
          <tr key={h.date}>
            <td>
              <time dateTime={h.date}>{formatDate(h.date, lang)}</time>
            </td>
            <td>{h.name}</td>
            <td>{t(`kind_${h.kind}`)}</td>
            <td>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => void api('DELETE', `/holidays/${h.date}`).then(reload, setRemoveError)}
              >
                {t('remove', { name: `${h.name} ${formatDate(h.date, lang)}` })}
              </button>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/** A client-side refusal, shown next to its field exactly like the API's own. */
function fieldRefusal(field: string, message = { id: 'Wajib diisi.', en: 'This field is required.' }): ApiError {
  return new ApiError(422, 'field_invalid', message, field, [{ field, code: 'field_invalid', message }]);
}

export function Opds() {
  const t = useT(m);
  return (
    <ListPage<Opd> title="adminOpds" path="/opds">
      {(rows, reload) => (
        <>
          <ul className="card-list">
            {rows.map((o) => (
              <li key={o.code} className="card">
                <OpdEditor opd={o} reload={reload} />
              </li>
            ))}
          </ul>
          <h2>{t('add')}</h2>
          <OpdEditor reload={reload} />
        </>
      )}
    </ListPage>
  );
}

function OpdEditor({ opd, reload }: { opd?: Opd; reload: () => void }) {
  const t = useT(m);
  const [v, setV] = useState({ code: opd?.code ?? '', name: opd?.name ?? '', shortName: opd?.shortName ?? '', active: opd?.active ?? true });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    () =>
      opd
        ? api('PUT', `/opds/${opd.code}`, { body: { name: v.name, shortName: v.shortName, active: v.active } })
        : api('POST', '/opds', { body: { code: v.code.trim().toUpperCase(), name: v.name, shortName: v.shortName } }),
    () => {
      setSaved(true);
      if (!opd) setV({ code: '', name: '', shortName: '', active: true });
      reload();
    },
  );
  const form = (
    <form onSubmit={(e) => void save.submit(e)} noValidate>
      {opd ? null : <TextField label={t('code')} required value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} error={fieldError(save.error, 'code')} />}
      <TextField label={t('name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(save.error, 'name')} />
      <TextField label={t('shortName')} required value={v.shortName} onChange={(e) => setV({ ...v, shortName: e.target.value })} error={fieldError(save.error, 'shortName')} />
      {opd ? <Checkbox label={t('activeLabel')} hint={t('opdInactiveHint')} checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} /> : null}
      <FormError error={save.error} shownFields={['code', 'name', 'shortName']} />
      <Saved show={saved} />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {opd ? t('save') : t('add')}
      </button>
    </form>
  );
  if (!opd) return form;
  return (
    <details>
      <summary>
        <strong>{opd.shortName}</strong> ({opd.code}) — {opd.name}
        <span className="visually-hidden"> {t('edit', { name: opd.shortName })}</span>
      </summary>
      {form}
    </details>
  );
}

export function Categories() {
  const t = useT(m);
  const { lang } = useLang();
  const opds = useApi<Opd[]>('/opds');
  return (
    <ListPage<Category> title="adminCategories" path="/categories?all=true">
      {(rows, reload) => (
        <>
          <ul className="card-list">
            {rows.map((c) => (
              <li key={c.code} className={`card${c.parentCode ? ' staff-sub' : ''}`}>
                <details>
                  <summary>
                    <strong>{c.name[lang]}</strong> ({c.code}) {c.defaultOpdCode ? `→ ${c.defaultOpdCode}` : ''} {c.active ? '' : `· ${t('inactive')}`}
                  </summary>
                  <CategoryEditor category={c} opds={opds.data ?? []} reload={reload} />
                </details>
              </li>
            ))}
          </ul>
          <h2>{t('add')}</h2>
          <CategoryEditor parents={rows.filter((c) => c.parentCode === null)} opds={opds.data ?? []} reload={reload} />
        </>
      )}
    </ListPage>
  );
}

/** Edits a category, or adds one (with its code and khidmat) when none is given. */
function CategoryEditor({ category: c, parents = [], opds, reload }: { category?: Category; parents?: Category[]; opds: Opd[]; reload: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const blank = { code: '', parentCode: '', nameId: '', nameEn: '', defaultOpdCode: '', resolveWorkingDays: '14', isRoad: false, active: true };
  const [v, setV] = useState(
    c ? { ...blank, code: c.code, nameId: c.name.id, nameEn: c.name.en, defaultOpdCode: c.defaultOpdCode ?? '', resolveWorkingDays: String(c.resolveWorkingDays), isRoad: c.isRoad, active: c.active } : blank,
  );
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    () => {
      const body = { nameId: v.nameId, nameEn: v.nameEn, defaultOpdCode: v.defaultOpdCode || null, resolveWorkingDays: Number(v.resolveWorkingDays), isRoad: v.isRoad, active: v.active };
      return c
        ? api('PUT', `/categories/${c.code}`, { body })
        : api('POST', '/categories', { body: { ...body, code: v.code.trim().toUpperCase(), parentCode: v.parentCode || null } });
    },
    () => {
      setSaved(true);
      if (!c) setV(blank);
      reload();
    },
  );
  const err = (f: string) => fieldError(save.error, f);
  return (
    <form onSubmit={(e) => void save.submit(e)} noValidate>
      {c ? null : (
        <>
          <TextField label={t('code')} required value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} error={err('code')} />
          <SelectField label={t('parent')} value={v.parentCode} onChange={(e) => setV({ ...v, parentCode: e.target.value })} error={err('parentCode')}>
            <option value="">—</option>
            {parents.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name[lang]}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <TextField label={t('nameId')} required value={v.nameId} onChange={(e) => setV({ ...v, nameId: e.target.value })} error={err('nameId')} />
      <TextField label={t('nameEn')} required value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} error={err('nameEn')} />
      <SelectField label={t('defaultOpd')} value={v.defaultOpdCode} onChange={(e) => setV({ ...v, defaultOpdCode: e.target.value })} error={err('defaultOpdCode')}>
        <option value="">—</option>
        {opds.map((o) => (
          <option key={o.code} value={o.code}>
            {o.shortName}
          </option>
        ))}
      </SelectField>
      <TextField label={t('resolveDays')} type="number" min={1} max={365} value={v.resolveWorkingDays} onChange={(e) => setV({ ...v, resolveWorkingDays: e.target.value })} error={err('resolveWorkingDays')} />
      <Checkbox label={t('isRoad')} checked={v.isRoad} onChange={(e) => setV({ ...v, isRoad: e.target.checked })} />
      <Checkbox label={t('activeLabel')} checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
      <FormError error={save.error} shownFields={['code', 'parentCode', 'nameId', 'nameEn', 'defaultOpdCode', 'resolveWorkingDays']} />
      <Saved show={saved} />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {c ? t('save') : t('add')}
      </button>
    </form>
  );
}

export function Regions() {
  const t = useT(m);
  return (
    <ListPage<Kecamatan> title="adminRegions" path="/regions">
      {(rows, reload) =>
        rows.map((k) => (
          <section key={k.code} aria-labelledby={`kec-${k.code}`}>
            <h2 id={`kec-${k.code}`}>{k.name}</h2>
            <ul className="card-list">
              {k.kelurahan.map((l) => (
                <li key={l.code} className="card">
                  <details>
                    <summary>
                      {l.name} ({l.code}) · {t('hasBoundary')}: {t(l.hasBoundary ? 'yes' : 'no')}
                    </summary>
                    <KelurahanEditor kel={l} reload={reload} />
                  </details>
                </li>
              ))}
            </ul>
          </section>
        ))
      }
    </ListPage>
  );
}

function KelurahanEditor({ kel, reload }: { kel: Kecamatan['kelurahan'][number]; reload: () => void }) {
  const t = useT(m);
  const [v, setV] = useState({ name: kel.name, lat: kel.lat === null ? '' : String(kel.lat), lng: kel.lng === null ? '' : String(kel.lng), boundary: '' });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    () => {
      const body: Record<string, unknown> = { name: v.name };
      if (v.lat !== '') body.lat = Number(v.lat);
      if (v.lng !== '') body.lng = Number(v.lng);
      if (v.boundary.trim()) {
        try {
          body.boundary = JSON.parse(v.boundary) as unknown;
        } catch {
          throw fieldRefusal('boundary', { id: m.id.boundaryInvalid, en: m.en.boundaryInvalid });
        }
      }
      return api('PUT', `/regions/kelurahan/${kel.code}`, { body });
    },
    () => {
      setSaved(true);
      reload();
    },
  );
  return (
    <form onSubmit={(e) => void save.submit(e)} noValidate>
      <TextField label={t('name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(save.error, 'name')} />
      <TextField label={t('lat')} inputMode="decimal" value={v.lat} onChange={(e) => setV({ ...v, lat: e.target.value })} error={fieldError(save.error, 'lat')} />
      <TextField label={t('lng')} inputMode="decimal" value={v.lng} onChange={(e) => setV({ ...v, lng: e.target.value })} error={fieldError(save.error, 'lng')} />
      <TextArea label={t('boundary')} hint={t('boundaryHint')} value={v.boundary} onChange={(e) => setV({ ...v, boundary: e.target.value })} error={fieldError(save.error, 'boundary')} />
      <FormError error={save.error} shownFields={['name', 'lat', 'lng', 'boundary']} />
      <Saved show={saved} />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {t('save')}
      </button>
    </form>
  );
}

export function Roads() {
  const t = useT(m);
  return (
    <ListPage<Road> title="adminRoads" path="/roads">
      {(rows, reload) => (
        <>
          <ul className="card-list">
            {rows.map((r) => (
              <li key={r.id} className="card">
                <details>
                  <summary>
                    {r.name} · {t(`jurisdiction_${r.status}`)} {r.active ? '' : `· ${t('inactive')}`}
                  </summary>
                  <RoadEditor road={r} reload={reload} />
                </details>
              </li>
            ))}
          </ul>
          <h2>{t('add')}</h2>
          <RoadEditor reload={reload} />
        </>
      )}
    </ListPage>
  );
}

function RoadEditor({ road, reload }: { road?: Road; reload: () => void }) {
  const t = useT(m);
  const [v, setV] = useState({ name: road?.name ?? '', status: road?.status ?? 'kota', lengthKm: road?.lengthKm == null ? '' : String(road.lengthKm), active: road?.active ?? true });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    () => {
      const body = { name: v.name, status: v.status, lengthKm: v.lengthKm === '' ? null : Number(v.lengthKm), active: v.active };
      return road ? api('PUT', `/roads/${road.id}`, { body }) : api('POST', '/roads', { body });
    },
    () => {
      setSaved(true);
      if (!road) setV({ name: '', status: 'kota', lengthKm: '', active: true });
      reload();
    },
  );
  return (
    <form onSubmit={(e) => void save.submit(e)} noValidate>
      <TextField label={t('roadName')} required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(save.error, 'name')} />
      <SelectField label={t('roadStatus')} value={v.status} onChange={(e) => setV({ ...v, status: e.target.value as Road['status'] })} error={fieldError(save.error, 'status')}>
        <option value="kota">{t('jurisdiction_kota')}</option>
        <option value="provinsi">{t('jurisdiction_provinsi')}</option>
        <option value="nasional">{t('jurisdiction_nasional')}</option>
      </SelectField>
      <TextField label={t('lengthKm')} inputMode="decimal" value={v.lengthKm} onChange={(e) => setV({ ...v, lengthKm: e.target.value })} error={fieldError(save.error, 'lengthKm')} />
      <Checkbox label={t('activeLabel')} checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
      <FormError error={save.error} shownFields={['name', 'status', 'lengthKm']} />
      <Saved show={saved} />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {road ? t('save') : t('add')}
      </button>
    </form>
  );
}
