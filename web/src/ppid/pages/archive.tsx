import { useEffect, useState, type FormEvent } from 'react';
import { query } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useLang, useT } from '../../lib/i18n';
import { navigate, useSearchParams } from '../../lib/router';
import { fieldError, SubmitRow, TextField } from '../../ui/forms';
import { Loading, LoadError, Page } from '../../ui/page';
import { fileSize, MoreRow, usePagedList } from '../common';
import { EXEMPTION, label } from '../labels';
import { m } from '../messages';
import type { ArchiveItem } from '../types';

/** The public archive: what was asked and answered, never who asked; searchable, page by page. */
export default function Archive() {
  const t = useT(m);
  const { lang } = useLang();
  const q = useSearchParams().get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const list = usePagedList<ArchiveItem>('/ppid/archive', { q }, 20);
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/ppid/arsip${query({ q: draft.trim() })}`, { replace: true });
  };
  return (
    <Page title={t('archiveTitle')}>
      <p className="lead">{t('archiveLead')}</p>
      <form className="ppid-filters" role="search" onSubmit={search}>
        <TextField label={t('search')} type="search" placeholder={t('searchHint')} value={draft} onChange={(e) => setDraft(e.target.value)} error={fieldError(list.error, 'q')} />
        <SubmitRow label={t('searchButton')} />
      </form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.loading && !list.items.length ? <Loading /> : null}
      {!list.loading && !list.error && !list.items.length ? <p role="status">{t('archiveEmpty')}</p> : null}
      <ul className="ppid-archive">
        {list.items.map((it) => (
          <li key={it.registrationNumber} className="card">
            <h2>{it.registrationNumber}</h2>
            <p className="ppid-badges">
              <span className="badge badge-neutral">{it.statusLabel[lang]}</span>
              <span className="hint">{it.opd?.name ?? t('utama')} · {t('received')} {formatDate(it.receivedAt, lang)}{it.answeredAt ? ` · ${t('answeredOn')} ${formatDate(it.answeredAt, lang)}` : ''}</span>
            </p>
            <p className="prewrap">{it.information}</p>
            {it.answer ? (
              <>
                {it.answer.notice ? <p className="prewrap"><strong>{t('answerTitle')}:</strong> {it.answer.notice}</p> : null}
                {it.answer.heldBy ? <p>{t('heldByL')}: {it.answer.heldBy}</p> : null}
                {it.answer.documents.length ? (
                  <ul className="ppid-docs">
                    {it.answer.documents.map((doc) => (
                      <li key={doc.id}><a href={doc.url} download={doc.name}>{doc.name}</a> <span className="hint">({fileSize(doc.bytes)})</span></li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <p className="hint">{it.answeredAt ? t('answerWithheld') : t('notYetAnswered')}</p>
            )}
            {it.exemptions.length ? <p className="hint">{t('exempted', { list: it.exemptions.map((x) => label(EXEMPTION, x, lang)).join('; ') })}</p> : null}
          </li>
        ))}
      </ul>
      {list.items.length ? <MoreRow shown={list.items.length} total={list.total} hasMore={list.hasMore} onMore={list.loadMore} /> : null}
    </Page>
  );
}
