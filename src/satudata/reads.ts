/**
 * What the pages and clients read: the public search with its facets, a dataset with its versions
 * (published ones for everyone, every one for its producer OPD and the steward), a version with its
 * checks and diff, the desks' work list, and the files.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { notFound } from '../core/errors.js';
import { actorsFor, deskScope, inScope } from './access.js';
import { DATASET } from './datasets.js';
import { VERSION } from './versions.js';
import { lifecycle, VERSION_ACTIONS, type Topic } from './lifecycle.js';
import { FREQUENCY_LABELS, LICENSES, STATUS_LABELS, TOPIC_LABELS } from './messages.js';
import type { SearchQuery } from './api-schemas.js';
import * as q from './queries.js';

const API = '/api/v1/data';
export const resourceUrl = (id: string) => `${API}/resources/${id}/download`;

type Opds = Map<number, { code: string; name: string }>;
const opdMap = async (ctx: AppContext): Promise<Opds> => new Map((await q.allOpds(ctx.db)).map((o) => [o.id, { code: o.code, name: o.name }]));
const opdOf = (opds: Opds, id: number) => opds.get(id) ?? { code: '-', name: '-' };

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

function datasetOut(ds: q.DatasetRow, opds: Opds) {
  return {
    name: ds.name,
    id: ds.uid,
    title: ds.title,
    description: ds.description,
    opd: opdOf(opds, ds.opdId),
    topic: ds.topic,
    topicLabel: TOPIC_LABELS[ds.topic],
    frequency: ds.frequency,
    frequencyLabel: FREQUENCY_LABELS[ds.frequency],
    period: ds.period,
    unit: ds.unit,
    licenseId: ds.licenseId,
    tags: ds.tags,
    years: ds.years,
    formats: ds.formats,
    platform: ds.platformKey !== null,
    publishedAt: ds.publishedAt?.toISOString() ?? null,
    modifiedAt: ds.modifiedAt.toISOString(),
  };
}

/** The public search: published datasets, best match first when searching, else newest first; facets over the matches. */
export async function searchCatalogue(ctx: AppContext, query: SearchQuery & { limit: number; offset: number }) {
  const filter: q.SearchFilter = {
    text: query.q,
    topics: list(query.topic),
    opdCodes: list(query.opd),
    years: list(query.year)?.map(Number).filter(Number.isInteger),
    formats: list(query.format),
  };
  const sort: q.SearchSort = [{ field: 'score', desc: true }, { field: 'modified', desc: true }];
  const FACETS = ['groups', 'organization', 'year', 'res_format'] as const;
  const [opds, rows, { count, facets }] = await Promise.all([opdMap(ctx), q.searchDatasets(ctx.db, filter, sort, query.limit, query.offset), q.tally(ctx.db, filter, FACETS)]);
  const [topic, opd, year, format] = FACETS.map((k) => (facets.get(k) ?? []).slice(0, 50)) as [q.Counted[], q.Counted[], q.Counted[], q.Counted[]];
  const byId = (value: string) => opds.get(Number(value));
  return {
    items: rows.map((r) => datasetOut(r, opds)),
    total: count,
    facets: {
      topic: topic.map((f) => ({ value: f.value, label: TOPIC_LABELS[f.value as Topic]?.id ?? f.value, count: f.count })),
      opd: opd.map((f) => ({ value: byId(f.value)?.code ?? f.value, label: byId(f.value)?.name ?? f.value, count: f.count })),
      year: year.sort((a, b) => Number(b.value) - Number(a.value)).map((f) => ({ value: f.value, label: f.value, count: f.count })),
      format: format.map((f) => ({ value: f.value, label: f.value, count: f.count })),
    },
  };
}

function versionOut(p: Principal | null, ds: q.DatasetRow, v: q.VersionRow, resources: q.ResourceRow[]) {
  const actors = actorsFor(p, ds.opdId);
  return {
    number: v.number,
    status: v.status,
    statusLabel: STATUS_LABELS[v.status],
    note: v.note,
    submittedAt: v.submittedAt.toISOString(),
    decidedAt: v.decidedAt?.toISOString() ?? null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    returnReasons: v.returnReasons,
    rowCount: v.summary.rowCount,
    resources: resources.filter((r) => r.versionId === v.id).map((r) => ({ id: r.id, name: r.name, format: r.format, bytes: r.bytes, sha256: r.sha256, generated: r.generated, url: resourceUrl(r.id) })),
    allowedActions: ds.platformKey ? [] : VERSION_ACTIONS.filter((a) => actors.some((actor) => lifecycle.can(a, v.status, actor))),
  };
}

/** A dataset: 404 before its first publication for anyone outside its producer OPD and the steward. */
export async function datasetDetail(ctx: AppContext, p: Principal | null, name: string) {
  const ds = await q.datasetByName(ctx.db, name);
  const staff = !!ds && inScope(p, ds.opdId);
  if (!ds || (!ds.publishedVersionId && !staff)) throw notFound(DATASET);
  const [opds, versions, history] = await Promise.all([opdMap(ctx), q.versionsOf(ctx.db, ds.id, staff ? undefined : ['published']), staff ? q.historyOf(ctx.db, ds.id) : Promise.resolve([])]);
  const resources = await q.resourcesOf(ctx.db, versions.map((v) => v.id));
  const current = versions.find((v) => v.id === ds.publishedVersionId);
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  const license = LICENSES[ds.licenseId] ?? { title: ds.licenseId, url: '' };
  return {
    ...datasetOut(ds, opds),
    variables: ds.variables,
    contactName: ds.contactName,
    contactEmail: ds.contactEmail,
    regionCodes: ds.regionCodes,
    license: { id: ds.licenseId, title: license.title, url: license.url },
    current: current ? { number: current.number, summary: current.summary } : null,
    versions: versions.map((v) => versionOut(p, ds, v, resources)),
    history: history.map((e) => ({ at: e.at.toISOString(), action: e.action, actorRole: e.actorRole, version: e.versionId ? (numbers.get(e.versionId) ?? null) : null, note: e.internalNote })),
    canSubmit: !ds.platformKey && actorsFor(p, ds.opdId).includes('producer'),
  };
}

/** One version with what the steward checks: the variables, the table's summary and the diff. */
export async function versionDetail(ctx: AppContext, p: Principal | null, name: string, number: number) {
  const ds = await q.datasetByName(ctx.db, name);
  if (!ds) throw notFound(VERSION);
  const v = await q.findVersion(ctx.db, ds.id, number);
  if (!v || (v.status !== 'published' && !inScope(p, ds.opdId))) throw notFound(VERSION);
  const [opds, resources] = await Promise.all([opdMap(ctx), q.resourcesOf(ctx.db, [v.id])]);
  return { ...versionOut(p, ds, v, resources), dataset: { name: ds.name, title: ds.title, opd: opdOf(opds, ds.opdId) }, variables: v.variables, summary: v.summary, diff: v.diff };
}

/** A version's file: for anyone once published, for its producer OPD and the steward before. */
export async function resourceFile(ctx: AppContext, p: Principal | null, id: string) {
  const found = await q.findResource(ctx.db, id);
  if (!found || (found.version.status !== 'published' && !inScope(p, found.dataset.opdId))) throw notFound({ id: 'Berkas', en: 'File' });
  return { name: `${found.dataset.name}-v${found.version.number}-${found.resource.name}`, mime: found.resource.mime, data: await ctx.storage.get(found.resource.fileKey), published: found.version.status === 'published' };
}

/** The desk: versions waiting for the steward (the producer's own OPD's for a producer), and the datasets in scope. */
export async function desk(ctx: AppContext, p: Principal) {
  const scope = deskScope(p);
  const [opds, waiting, datasets] = await Promise.all([opdMap(ctx), q.waitingVersions(ctx.db, scope), q.deskDatasets(ctx.db, scope)]);
  return {
    waiting: waiting.map(({ version, dataset }) => ({
      dataset: { name: dataset.name, title: dataset.title, opd: opdOf(opds, dataset.opdId) },
      number: version.number,
      note: version.note,
      submittedAt: version.submittedAt.toISOString(),
      rowCount: version.summary.rowCount,
    })),
    datasets: datasets.map((ds) => ({ name: ds.name, title: ds.title, opd: opdOf(opds, ds.opdId), published: ds.publishedVersionId !== null, modifiedAt: ds.modifiedAt.toISOString() })),
  };
}
