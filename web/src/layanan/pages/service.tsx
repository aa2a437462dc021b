import { useLang, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { Loading, LoadError, Page } from '../../ui/page';
import { RequirementList, StepList, rupiah } from '../common';
import { m } from '../messages';
import { DESK_ROLES, type ServiceDetail } from '../types';

/** A service's standar pelayanan, open to anyone; the way to apply for whoever may. */
export default function Service({ params }: { params: Record<string, string> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { user } = useSession();
  const { data: s, error, reload } = useApi<ServiceDetail>(`/layanan/services/${params.code}`);
  if (error) return <Page title={t('catalogueTitle')}><LoadError error={error} retry={reload} /></Page>;
  if (!s) return <Page title={t('catalogueTitle')}><Loading /></Page>;
  const internal = s.audience === 'opd';
  const staff = !!user && user.role !== 'citizen';
  const desk = !!user && (DESK_ROLES as readonly string[]).includes(user.role);
  const apply = !s.open ? <p className="alert">{s.version ? t('closed') : t('notPublished')}</p>
    : !user ? <Link className="btn btn-primary" to={`/masuk?lanjut=/layanan/${s.code}/ajukan`}>{t('loginToApply')}</Link>
    : internal ? (staff ? <Link className="btn btn-primary" to={`/layanan/${s.code}/ajukan`}>{t('apply')}</Link> : null)
    : user.role === 'citizen' ? <Link className="btn btn-primary" to={`/layanan/${s.code}/ajukan`}>{t('apply')}</Link>
    : desk ? <Link className="btn" to={`/layanan/${s.code}/ajukan?loket=1`}>{t('applyCounter')}</Link> : null;
  return (
    <Page title={s.name[lang]} actions={s.editable ? <Link className="btn" to={`/layanan/kelola/${s.code}`}>{t('edit')}</Link> : null}>
      <p>{s.description[lang]}</p>
      <h2>{t('standardTitle')}</h2>
      <dl className="staff-dl">
        <dt>{t('owner')}</dt><dd>{s.opd.name}</dd>
        <dt>{t('audience')}</dt><dd>{t(`audience_${s.audience}`)}</dd>
        <dt>{t('time')}</dt><dd>{t('days', { n: s.standardDays })}</dd>
        <dt>{t('fee')}</dt><dd>{s.feeRupiah ? rupiah(s.feeRupiah, lang) : t('free')}{s.feeNote ? ` — ${s.feeNote}` : ''}</dd>
        <dt>{t('legalBasis')}</dt><dd>{s.legalBasis}</dd>
      </dl>
      {s.version ? (
        <>
          <h2>{t('requirements')}</h2>
          <RequirementList requirements={s.version.requirements} />
          <h2>{t('steps')}</h2>
          <StepList steps={s.version.steps} />
        </>
      ) : null}
      <div className="btn-row">{apply}</div>
    </Page>
  );
}
