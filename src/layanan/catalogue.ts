/**
 * The catalogue of services: an OPD admin defines a service (its standar pelayanan: audience,
 * description, legal basis, fee, standard time) and publishes versions of its form, requirements,
 * steps and output; anyone reads the published services before logging in.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import type { Db } from '../core/db/client.js';
import type { Message } from '../core/errors.js';
import { audit } from '../core/audit/audit.js';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../core/errors.js';
import { EDITOR_ROLES, mayEdit } from './access.js';
import { checkVersion } from './form/check.js';
import type { ServiceVersion } from './form/definition.js';
import type { Audience } from './lifecycle.js';
import { SERVICE } from './messages.js';
import * as q from './queries.js';

export interface ServiceInput {
  code: string;
  /** super_admin: the owning OPD; an OPD admin's services are always their own OPD's. */
  opdCode?: string | undefined;
  audience: Audience;
  name: Message;
  description: Message;
  legalBasis: string;
  feeRupiah: number;
  feeNote?: string | null | undefined;
  standardDays: number;
}

export type ServiceChange = Partial<Omit<ServiceInput, 'code' | 'opdCode'>> & { open?: boolean | undefined };

const requireEditor = (p: Principal) => {
  if (!EDITOR_ROLES.includes(p.role)) throw forbidden();
};

async function owningOpd(ctx: AppContext, p: Principal, opdCode: string | undefined): Promise<number> {
  if (p.role !== 'super_admin') {
    if (p.opdId === null) throw forbidden();
    return p.opdId;
  }
  const opd = opdCode ? await q.opdByCode(ctx.db, opdCode) : undefined;
  if (!opd) throw invalid('unknown_opd', 'OPD pemilik layanan tidak dikenal.', 'Unknown owning agency (OPD).', 'opdCode');
  return opd.id;
}

export async function createService(ctx: AppContext, p: Principal, input: ServiceInput): Promise<q.Service> {
  requireEditor(p);
  const opdId = await owningOpd(ctx, p, input.opdCode);
  const at = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    if (await q.serviceByCode(tx, input.code)) throw conflict('service_code_taken', `Kode layanan "${input.code}" sudah dipakai.`, `The service code "${input.code}" is taken.`, 'code');
    const { opdCode: _, ...values } = input;
    const row = await q.insertService(tx, { ...values, feeNote: input.feeNote ?? null, opdId, createdAt: at, updatedAt: at });
    await audit(tx, p, { action: 'layanan.service_create', entity: 'layanan_service', entityId: input.code }, at);
    return row;
  });
}

/** The service an editor may change, locked; 404 for another OPD's. */
async function editable(tx: Db, p: Principal, code: string) {
  requireEditor(p);
  const service = await q.serviceByCode(tx, code, true);
  if (!service || !mayEdit(p, service.opdId)) throw notFound(SERVICE);
  return service;
}

export async function changeService(ctx: AppContext, p: Principal, code: string, change: ServiceChange): Promise<void> {
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const service = await editable(tx, p, code);
    if (change.standardDays !== undefined && service.currentVersion !== null) {
      const current = await q.versionOf(tx, service.id, service.currentVersion);
      const days = current!.steps.reduce((n, s) => n + s.workingDays, 0);
      if (change.standardDays < days) {
        throw invalid('standard_below_steps', `Waktu standar tidak boleh kurang dari jumlah hari langkah (${days}).`, `The standard time may not be less than the steps' working days (${days}).`, 'standardDays');
      }
    }
    const { open, ...rest } = change;
    await q.updateService(tx, service.id, { ...rest, ...(open === undefined ? {} : { closedAt: open ? null : at }), updatedAt: at });
    await audit(tx, p, { action: 'layanan.service_change', entity: 'layanan_service', entityId: code, detail: { fields: Object.keys(change) } }, at);
  });
}

/** Publishes a new version of the form, requirements, steps and output; applications filed before keep theirs. */
export async function publishVersion(ctx: AppContext, p: Principal, code: string, v: ServiceVersion & { note?: string | undefined }): Promise<number> {
  const at = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const service = await editable(tx, p, code);
    checkVersion(v, service.standardDays);
    const version = (service.currentVersion ?? 0) + 1;
    await q.insertVersion(tx, { serviceId: service.id, version, form: v.form, requirements: v.requirements, steps: v.steps, output: v.output, note: v.note?.trim() || null, publishedAt: at, publishedById: p.userId });
    await q.updateService(tx, service.id, { currentVersion: version, updatedAt: at });
    await audit(tx, p, { action: 'layanan.version_publish', entity: 'layanan_service', entityId: code, detail: { version } }, at);
    return version;
  });
}

function summaryOf(s: q.Service, opds: Map<number, { code: string; name: string }>) {
  return {
    code: s.code,
    name: s.name,
    description: s.description,
    audience: s.audience,
    opd: opds.get(s.opdId)!,
    feeRupiah: s.feeRupiah,
    feeNote: s.feeNote,
    standardDays: s.standardDays,
    currentVersion: s.currentVersion,
    open: s.currentVersion !== null && s.closedAt === null,
  };
}

/** The public catalogue (published, open services); an editor's `mine` lists their OPD's, drafts too. */
export async function listCatalogue(ctx: AppContext, p: Principal | null, f: { q?: string | undefined; audience?: Audience | undefined; mine?: boolean | undefined; limit: number; offset: number }) {
  let scope: Pick<q.ServiceFilter, 'opdId' | 'all'> = {};
  if (f.mine) {
    if (!p) throw unauthenticated();
    requireEditor(p);
    scope = p.role === 'super_admin' ? { all: true } : { opdId: p.opdId ?? -1 };
  }
  const { rows, total } = await q.listServices(ctx.db, { q: f.q?.trim() || undefined, audience: f.audience, ...scope, limit: f.limit, offset: f.offset });
  const opds = await q.opdNames(ctx.db);
  return { items: rows.map((s) => summaryOf(s, opds)), total };
}

/** A service's standar pelayanan with its current form: public once published; before, only for its editors. */
export async function serviceDetail(ctx: AppContext, p: Principal | null, code: string) {
  const service = await q.serviceByCode(ctx.db, code);
  if (!service || (service.currentVersion === null && !(p && mayEdit(p, service.opdId)))) throw notFound(SERVICE);
  const version = service.currentVersion === null ? undefined : await q.versionOf(ctx.db, service.id, service.currentVersion);
  return {
    ...summaryOf(service, await q.opdNames(ctx.db)),
    legalBasis: service.legalBasis,
    editable: !!p && mayEdit(p, service.opdId),
    version: version
      ? { version: version.version, publishedAt: version.publishedAt.toISOString(), form: version.form, requirements: version.requirements, steps: version.steps, output: version.output }
      : null,
  };
}
