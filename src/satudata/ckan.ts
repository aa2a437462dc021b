/**
 * CKAN's action API (version 3), read side, over Satu Data: what national and provincial portals'
 * harvesters and `ckanapi` call. The shapes follow CKAN 2.10 (ckan/views/api.py for the envelope
 * and its errors, ckan/logic/action/get.py for the parameters and defaults, and
 * ckan/lib/dictization/model_dictize.py for the dictionaries): an OPD is an organization, a topic a
 * group, the published version's files the resources; earlier versions stay on the platform's own
 * pages and API. Only published datasets exist here.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../core/context.js';
import { resourceUrl } from './reads.js';
import { FREQUENCY_LABELS, LICENSES, TOPIC_LABELS } from './messages.js';
import { TOPICS, type Topic } from './lifecycle.js';
import * as q from './queries.js';

/** The CKAN release whose shapes this follows, as status_show reports it. */
export const CKAN_VERSION = '2.10.4';

/** A refusal in CKAN's words: `__type` and `message`, or a Validation Error's per-field lists. */
export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.__type));
  }
}
const notFound = (what?: string) => new CkanError(404, { __type: 'Not Found Error', message: what ? `Not found: ${what}` : 'Not found' });
const validation = (fields: Record<string, string[]>) => new CkanError(409, { __type: 'Validation Error', ...fields });
const searchQuery = (detail: string) => new CkanError(400, { __type: 'Search Query Error', message: `Search Query is invalid: ${JSON.stringify(detail)}` });

export type Params = Record<string, unknown>;
interface Call {
  ctx: AppContext;
  siteUrl: string;
  params: Params;
}

// ── Dictization ──

/** CKAN's timestamps: ISO 8601 in UTC without a zone, to the microsecond. */
const stamp = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 23)}000` : null);

/** CKAN's own licence ids for the licences Satu Data offers. */
const CKAN_LICENSE: Record<string, string> = { 'CC-BY-4.0': 'cc-by', 'CC0-1.0': 'cc-zero', 'ODC-BY-1.0': 'odc-by' };

/** A stable uuid for things that have only a name here (tags). */
const uuidOf = (name: string) => {
  const h = createHash('sha1').update(`khidmat:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

type Opd = { id: number; code: string; name: string; shortName: string; count?: number };
const orgName = (code: string) => code.toLowerCase();

function organizationDict(o: Opd, created: Date | null) {
  return {
    id: orgName(o.code),
    name: orgName(o.code),
    title: o.name,
    display_name: o.name,
    type: 'organization',
    description: `${o.name} (${o.shortName}), produsen data Kota.`,
    image_url: '',
    image_display_url: '',
    created: stamp(created),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(o.count === undefined ? {} : { package_count: o.count }),
  };
}

function groupDict(topic: Topic, count: number | undefined) {
  return {
    id: topic,
    name: topic,
    title: TOPIC_LABELS[topic].id,
    display_name: TOPIC_LABELS[topic].id,
    type: 'group',
    description: TOPIC_LABELS[topic].en,
    image_url: '',
    image_display_url: '',
    created: null,
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    ...(count === undefined ? {} : { package_count: count }),
  };
}

function resourceDict(siteUrl: string, ds: q.DatasetRow, v: q.VersionRow, r: q.ResourceRow) {
  return {
    id: r.id,
    package_id: ds.uid,
    name: r.name,
    description: `Versi ${v.number}: ${v.note}`,
    format: r.format,
    mimetype: r.mime,
    mimetype_inner: null,
    url: `${siteUrl}${resourceUrl(r.id)}`,
    url_type: 'upload',
    size: r.bytes,
    hash: r.sha256,
    created: stamp(r.createdAt),
    last_modified: stamp(v.publishedAt ?? r.createdAt),
    metadata_modified: stamp(v.publishedAt ?? r.createdAt),
    position: r.position,
    state: 'active',
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: false,
  };
}

interface PackageParts {
  ds: q.DatasetRow;
  version: q.VersionRow;
  resources: q.ResourceRow[];
  opd: Opd;
}

function packageDict(siteUrl: string, { ds, version, resources, opd }: PackageParts) {
  const license = LICENSES[ds.licenseId];
  const tags = ds.tags.map((name) => ({ id: uuidOf(`tag:${name}`), name, display_name: name, state: 'active', vocabulary_id: null }));
  const org = organizationDict(opd, null);
  return {
    id: ds.uid,
    name: ds.name,
    title: ds.title,
    type: 'dataset',
    notes: ds.description,
    url: `${siteUrl}/data/${ds.name}`,
    version: String(version.number),
    state: 'active',
    private: false,
    author: opd.name,
    author_email: null,
    maintainer: ds.contactName,
    maintainer_email: ds.contactEmail,
    license_id: CKAN_LICENSE[ds.licenseId] ?? ds.licenseId,
    license_title: license?.title ?? ds.licenseId,
    license_url: license?.url ?? '',
    isopen: license?.open ?? false,
    owner_org: org.id,
    organization: org,
    creator_user_id: null,
    metadata_created: stamp(ds.createdAt),
    metadata_modified: stamp(ds.modifiedAt),
    num_resources: resources.length,
    num_tags: tags.length,
    resources: resources.map((r) => resourceDict(siteUrl, ds, version, r)),
    tags,
    groups: [groupDict(ds.topic, undefined)],
    extras: [
      { key: 'frequency', value: FREQUENCY_LABELS[ds.frequency].id },
      { key: 'temporal', value: ds.period },
      { key: 'unit', value: ds.unit },
      { key: 'spatial_code', value: ds.regionCodes.join(',') },
      { key: 'version_notes', value: version.note },
      { key: 'version_published', value: stamp(version.publishedAt) },
      { key: 'variables', value: JSON.stringify(version.variables.map((v) => ({ name: v.name, label: v.label, definition: v.definition, type: v.type, unit: v.unit ?? null }))) },
    ],
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

/** Full package dictionaries of published datasets, in the order given (three queries, whatever the page size). */
async function packages(ctx: AppContext, siteUrl: string, rows: q.DatasetRow[], opds?: Opd[]) {
  const published = rows.filter((r) => r.publishedVersionId !== null);
  const versionIds = published.map((r) => r.publishedVersionId!);
  const [versions, resources, allOpds] = await Promise.all([q.versionsByIds(ctx.db, versionIds), q.resourcesOf(ctx.db, versionIds), opds ?? q.allOpds(ctx.db)]);
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const opdById = new Map(allOpds.map((o) => [o.id, o]));
  return published.map((ds) =>
    packageDict(siteUrl, {
      ds,
      version: versionById.get(ds.publishedVersionId!)!,
      resources: resources.filter((r) => r.versionId === ds.publishedVersionId),
      opd: opdById.get(ds.opdId) ?? { id: ds.opdId, code: '-', name: '-', shortName: '-' },
    }),
  );
}

// ── Parameters, as CKAN's validators read them ──

function int(params: Params, key: string, fallback: number, min = 0): number {
  const raw = params[key];
  if (raw === undefined || raw === '' || raw === null) return fallback;
  const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
  if (!Number.isInteger(n)) throw validation({ [key]: ['Invalid integer'] });
  if (n < min) throw validation({ [key]: [`Must be a natural number`] });
  return n;
}

const bool = (params: Params, key: string, fallback: boolean) => {
  const raw = params[key];
  if (raw === undefined || raw === null || raw === '') return fallback;
  return raw === true || ['true', '1', 'yes', 'on'].includes(String(raw).toLowerCase());
};

const str = (params: Params, key: string): string | undefined => (typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : undefined);

function requiredId(params: Params): string {
  const id = str(params, 'id');
  if (!id) throw validation({ id: ['Missing value'] });
  return id;
}

/** A JSON list given as a string (GET) or as a list (POST). */
function jsonList(params: Params, key: string): string[] | undefined {
  const raw = params[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      throw validation({ [key]: ['Invalid JSON list'] });
    }
  }
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw validation({ [key]: ['Not a list of strings'] });
  return list as string[];
}

// ── package_search: a Solr-like query over SQL ──

const FILTER_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id', 'name', 'year'] as const;
type FilterField = (typeof FILTER_FIELDS)[number];
const FACET_FIELDS: readonly q.FacetField[] = ['organization', 'groups', 'tags', 'res_format', 'license_id', 'year'];

const TERM = /^\+?([a-z_]+):(?:"([^"]*)"|(\S+))$/;

/** Splits a query into `field:value` terms and free words; AND between terms is implied, as Solr's default. */
function terms(text: string, into: Map<FilterField, string[]>): string[] {
  const words: string[] = [];
  for (const token of text.match(/\+?[a-z_]+:"[^"]*"|\S+/g) ?? []) {
    if (token === 'AND' || token === '*:*') continue;
    const m = TERM.exec(token);
    if (!m) {
      words.push(token);
      continue;
    }
    const field = m[1] as FilterField;
    if (!FILTER_FIELDS.includes(field)) throw searchQuery(`undefined field ${field}`);
    const value = m[2] ?? m[3]!;
    const ckanLicense = Object.entries(CKAN_LICENSE).find(([, v]) => v === value)?.[0];
    into.set(field, [...(into.get(field) ?? []), field === 'license_id' ? (ckanLicense ?? value) : value]);
  }
  return words;
}

const SORTS: Record<string, q.SearchSort[number]['field']> = { score: 'score', metadata_modified: 'modified', metadata_created: 'created', title_string: 'title', name: 'name' };

function sortOf(raw: string): q.SearchSort {
  return raw.split(',').map((part) => {
    const [field, dir = 'asc'] = part.trim().split(/\s+/);
    const mapped = field ? SORTS[field] : undefined;
    if (!mapped || !['asc', 'desc'].includes(dir)) throw searchQuery(`Can't determine sort ${part.trim()}`);
    return { field: mapped, desc: dir === 'desc' };
  });
}

const DEFAULT_SORT = 'score desc, metadata_modified desc';
/** ckan.search.rows_max */
const ROWS_MAX = 1000;

async function packageSearch({ ctx, siteUrl, params }: Call) {
  const filters = new Map<FilterField, string[]>();
  const words = terms(str(params, 'q') ?? '', filters);
  const fqList = [str(params, 'fq'), ...(jsonList(params, 'fq_list') ?? [])].filter((x): x is string => !!x);
  for (const fq of fqList) if (terms(fq, filters).length) throw searchQuery(fq);
  const rows = Math.min(int(params, 'rows', 10), ROWS_MAX);
  const start = int(params, 'start', 0);
  const sortText = str(params, 'sort') ?? DEFAULT_SORT;
  const sort = sortOf(sortText);
  const facetFields = bool(params, 'facet', true) ? (jsonList(params, 'facet.field') ?? []) : [];
  const unknownFacet = facetFields.find((f) => !FACET_FIELDS.includes(f as q.FacetField));
  if (unknownFacet) throw searchQuery(`undefined field ${unknownFacet}`);
  const facetLimit = int(params, 'facet.limit', 50, -1);
  const mincount = int(params, 'facet.mincount', 1);
  const filter: q.SearchFilter = {
    text: words.length ? words.join(' ') : undefined,
    opdCodes: filters.get('organization'),
    topics: filters.get('groups'),
    tags: filters.get('tags'),
    formats: filters.get('res_format'),
    licenses: filters.get('license_id'),
    names: filters.get('name'),
    years: filters.get('year')?.map(Number).filter(Number.isInteger),
  };
  const [allOpds, found, tallied] = await Promise.all([q.allOpds(ctx.db), q.searchDatasets(ctx.db, filter, sort, rows, start), q.tally(ctx.db, filter, facetFields as q.FacetField[])]);
  const opdById = new Map(allOpds.map((o) => [String(o.id), o]));
  const display = (field: string, value: string) =>
    field === 'organization' ? (opdById.get(value)?.name ?? value) : field === 'groups' ? (TOPIC_LABELS[value as Topic]?.id ?? value) : value;
  // The organization facet is counted by OPD id; CKAN names it by the organization's name.
  const named = (field: string, value: string) => (field === 'organization' ? orgName(opdById.get(value)?.code ?? value) : value);
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
  facetFields.forEach((field) => {
    const items = (tallied.facets.get(field as q.FacetField) ?? []).filter((f) => f.count >= mincount).slice(0, facetLimit < 0 ? undefined : facetLimit);
    facets[field] = Object.fromEntries(items.map((f) => [named(field, f.value), f.count]));
    searchFacets[field] = { title: field, items: items.map((f) => ({ name: named(field, f.value), display_name: display(field, f.value), count: f.count })) };
  });
  return { count: tallied.count, facets, results: await packages(ctx, siteUrl, found, allOpds), sort: sortText, search_facets: searchFacets };
}

// ── The actions ──

async function packageShow({ ctx, siteUrl, params }: Call) {
  const id = requiredId(params);
  const ds = await q.datasetByIdOrName(ctx.db, id);
  if (!ds?.publishedVersionId) throw notFound();
  return (await packages(ctx, siteUrl, [ds]))[0];
}

async function organizationList({ ctx, params }: Call) {
  const all = bool(params, 'all_fields', false);
  const limit = int(params, 'limit', all ? 25 : 1000);
  const offset = int(params, 'offset', 0);
  const sort = str(params, 'sort') ?? 'title asc';
  const [field, dir = 'asc'] = sort.trim().split(/\s+/);
  const rows = (await q.opdsWithCounts(ctx.db)).map((o) => ({ ...o, orgName: orgName(o.code) }));
  const key = (o: (typeof rows)[number]) => (field === 'name' ? o.orgName : field === 'package_count' ? o.count : o.name);
  if (!['name', 'title', 'package_count'].includes(field ?? '')) throw validation({ sort: [`Cannot sort by field \`${field}\``] });
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return dir === 'desc' ? -c : c;
  });
  const page = rows.slice(offset, offset + limit);
  return all ? page.map((o) => organizationDict(o, null)) : page.map((o) => o.orgName);
}

async function organizationShow({ ctx, siteUrl, params }: Call) {
  const id = requiredId(params).toLowerCase();
  const opd = (await q.opdsWithCounts(ctx.db)).find((o) => orgName(o.code) === id);
  if (!opd) throw notFound('Organization was not found.');
  const base = { ...organizationDict(opd, null), users: [], extras: [], tags: [], groups: [] };
  if (!bool(params, 'include_datasets', false)) return base;
  const rows = await q.searchDatasets(ctx.db, { opdCodes: [opd.code] }, [{ field: 'name', desc: false }], 10, 0);
  return { ...base, packages: await packages(ctx, siteUrl, rows) };
}

async function groupList({ ctx, params }: Call) {
  const all = bool(params, 'all_fields', false);
  const counts = await q.topicCounts(ctx.db);
  const limit = int(params, 'limit', all ? 25 : 1000);
  const offset = int(params, 'offset', 0);
  const sorted = [...TOPICS].sort((a, b) => TOPIC_LABELS[a].id.localeCompare(TOPIC_LABELS[b].id)).slice(offset, offset + limit);
  return all ? sorted.map((t) => groupDict(t, counts.get(t) ?? 0)) : sorted;
}

async function tagList({ ctx, params }: Call) {
  if (str(params, 'vocabulary_id')) throw notFound('Could not find vocabulary');
  const tags = await q.allTags(ctx.db, str(params, 'query'));
  return bool(params, 'all_fields', false) ? tags.map((name) => ({ id: uuidOf(`tag:${name}`), name, display_name: name, vocabulary_id: null })) : tags;
}

async function resourceShow({ ctx, siteUrl, params }: Call) {
  const id = requiredId(params);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Resource was not found.');
  const found = await q.findResource(ctx.db, id);
  if (!found || found.version.status !== 'published') throw notFound('Resource was not found.');
  return resourceDict(siteUrl, found.dataset, found.version, found.resource);
}

async function packageList({ ctx, params }: Call) {
  const limit = params.limit === undefined ? undefined : int(params, 'limit', 0);
  return q.publishedNames(ctx.db, limit, int(params, 'offset', 0));
}

function statusShow({ ctx, siteUrl }: Call) {
  return {
    site_title: `Satu Data ${ctx.config.city.name}`,
    site_description: `Portal data terbuka ${ctx.config.city.name}: data sektoral OPD yang diperiksa walidata (Satu Data Indonesia, Perpres 39/2019).`,
    site_url: siteUrl,
    ckan_version: CKAN_VERSION,
    error_emails_to: null,
    locale_default: 'id',
    extensions: ['satudata', 'dcat'],
  };
}

/** The read actions served; any other name is CKAN's 400 "Action name not known". */
export const CKAN_ACTIONS: Record<string, (call: Call) => unknown> = {
  status_show: statusShow,
  package_list: packageList,
  package_show: packageShow,
  package_search: packageSearch,
  organization_list: organizationList,
  organization_show: organizationShow,
  group_list: groupList,
  tag_list: tagList,
  resource_show: resourceShow,
};

/** One action call answered in CKAN's envelope: `{help, success, result}` or `{help, success: false, error}`. */
export async function runAction(ctx: AppContext, action: string, params: Params, siteUrl: string): Promise<{ status: number; body: unknown }> {
  const fn = Object.hasOwn(CKAN_ACTIONS, action) ? CKAN_ACTIONS[action] : undefined;
  if (!fn) return { status: 400, body: `Bad request - Action name not known: ${action}` };
  const help = `${siteUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
  try {
    return { status: 200, body: { help, success: true, result: await fn({ ctx, siteUrl, params }) } };
  } catch (err) {
    if (err instanceof CkanError) return { status: err.status, body: { help, success: false, error: err.body } };
    throw err;
  }
}
