/**
 * Writing a dataset's metadata: the producer OPD (or the steward for any OPD) creates it and keeps
 * its description, variables and contact up to date. The metadata is not versioned like the table:
 * it describes the dataset; each version keeps the variables it was checked against.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import { actorsFor, inScope } from './access.js';
import type { CreateInput, EditInput } from './api-schemas.js';
import type { Variable } from './schema.js';
import * as q from './queries.js';

export const DATASET = { id: 'Dataset', en: 'Dataset' };
/** Addresses of the web pages under /data, never a dataset's. */
const RESERVED_NAMES = ['baru', 'meja'];

function checkVariables(variables: readonly Variable[]): Variable[] {
  const names = variables.map((v) => v.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw invalid('duplicate_variable', `Variabel "${twice}" disebut dua kali.`, `Variable "${twice}" is named twice.`, 'variables');
  return variables.map((v) => ({ ...v, label: v.label.trim(), definition: v.definition.trim() }));
}

async function checkRegions(db: Db, codes: readonly string[] | undefined): Promise<string[]> {
  if (!codes?.length) return [];
  const known = await q.regionCodeSet(db);
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw invalid('unknown_region', `Kode wilayah "${unknown}" tidak ada dalam kode wilayah Kemendagri.`, `Region code "${unknown}" is not a Kemendagri region code.`, 'regionCodes');
  return [...codes];
}

/** The producer OPD of a new dataset: the author's own, or any the steward names. */
async function producerOf(db: Db, p: Principal, code: string | undefined): Promise<number> {
  if (!code) {
    if (p.opdId === null || p.role === 'walidata') throw invalid('opd_required', 'Pilih OPD produsen data.', 'Choose the producer agency (OPD).', 'opdCode');
    return p.opdId;
  }
  const opd = await q.opdByCode(db, code);
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'opdCode');
  if (!actorsFor(p, opd.id).includes('producer')) throw forbidden();
  return opd.id;
}

export async function createDataset(ctx: AppContext, tx: Db, p: Principal, input: CreateInput, at = ctx.clock()): Promise<string> {
  const opdId = await producerOf(tx, p, input.opdCode);
  if (RESERVED_NAMES.includes(input.name) || (await q.nameTaken(tx, input.name))) throw conflict('name_taken', 'Nama dataset sudah dipakai.', 'The dataset name is taken.', 'name');
  const row = await q.insertDataset(tx, {
    name: input.name,
    title: input.title.trim(),
    description: input.description.trim(),
    opdId,
    topic: input.topic,
    frequency: input.frequency,
    period: input.period.trim(),
    unit: input.unit.trim(),
    variables: checkVariables(input.variables),
    licenseId: input.licenseId ?? 'CC-BY-4.0',
    contactName: input.contactName.trim(),
    contactEmail: input.contactEmail.trim(),
    tags: input.tags ?? [],
    regionCodes: await checkRegions(tx, input.regionCodes),
    createdById: p.userId,
    createdAt: at,
    modifiedAt: at,
  });
  await q.insertEvent(tx, { datasetId: row.id, at, actorId: p.userId, actorRole: p.role, action: 'create' });
  await audit(tx, p, { action: 'satudata.dataset.create', entity: 'satudata_dataset', entityId: row.id }, at);
  return row.name;
}

/** The dataset locked for a change by a producer in scope; 404 for anyone who may not see it. */
export async function lockedForProducer(tx: Db, p: Principal, name: string): Promise<q.DatasetRow> {
  const ds = await q.datasetByName(tx, name, true);
  if (!ds || (!ds.publishedVersionId && !inScope(p, ds.opdId))) throw notFound(DATASET);
  if (!actorsFor(p, ds.opdId).includes('producer')) throw inScope(p, ds.opdId) || ds.publishedVersionId ? forbidden() : notFound(DATASET);
  if (ds.platformKey) throw conflict('platform_dataset', 'Dataset ini dihasilkan platform dari datanya sendiri dan tidak diubah manual.', 'This dataset is produced by the platform from its own records and is not edited by hand.', 'name');
  return ds;
}

export async function editDataset(ctx: AppContext, tx: Db, p: Principal, name: string, input: EditInput, at = ctx.clock()): Promise<void> {
  const ds = await lockedForProducer(tx, p, name);
  const text = (k: 'title' | 'description' | 'period' | 'unit' | 'contactName' | 'contactEmail') => (input[k] === undefined ? {} : { [k]: input[k].trim() });
  await q.updateDataset(tx, ds.id, {
    ...text('title'),
    ...text('description'),
    ...text('period'),
    ...text('unit'),
    ...text('contactName'),
    ...text('contactEmail'),
    ...(input.topic ? { topic: input.topic } : {}),
    ...(input.frequency ? { frequency: input.frequency } : {}),
    ...(input.licenseId ? { licenseId: input.licenseId } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.variables ? { variables: checkVariables(input.variables) } : {}),
    ...(input.regionCodes ? { regionCodes: await checkRegions(tx, input.regionCodes) } : {}),
    modifiedAt: at,
  });
  await q.insertEvent(tx, { datasetId: ds.id, at, actorId: p.userId, actorRole: p.role, action: 'edit', detail: { fields: Object.keys(input) } });
  await audit(tx, p, { action: 'satudata.dataset.edit', entity: 'satudata_dataset', entityId: ds.id, detail: { fields: Object.keys(input) } }, at);
}
