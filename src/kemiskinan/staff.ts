/** The module's own scope of staff: a section officer's section, a kelurahan operator's kelurahan. */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { forbidden, invalid, notFound } from '../core/errors.js';
import { kelurahanExists } from '../core/reference/regions.js';
import type { Viewer } from './access.js';
import type { Section } from './lifecycle.js';
import * as q from './queries.js';

const SCOPED = new Set(['dinsos_section', 'kelurahan_operator']);

export async function viewerOf(ctx: AppContext, p: Principal): Promise<Viewer>;
export async function viewerOf(ctx: AppContext, p: Principal | null): Promise<Viewer | null>;
export async function viewerOf(ctx: AppContext, p: Principal | null): Promise<Viewer | null> {
  if (!p) return null;
  const scope = SCOPED.has(p.role) ? await q.staffScope(ctx.db, p.userId) : undefined;
  return { ...p, section: p.role === 'dinsos_section' ? (scope?.section ?? null) : null, kelurahanCode: p.role === 'kelurahan_operator' ? (scope?.kelurahanCode ?? null) : null };
}

/** The super admin or the desk places a section officer in a section, an operator in a kelurahan. */
export async function setScope(ctx: AppContext, actor: Principal, userId: string, input: { section?: Section | undefined; kelurahanCode?: string | undefined }) {
  if (actor.role !== 'super_admin' && actor.role !== 'dinsos_desk') throw forbidden();
  const user = await q.userById(ctx.db, userId);
  if (!user || user.deletedAt || !SCOPED.has(user.role)) throw notFound({ id: 'Petugas', en: 'Staff member' });
  if (user.role === 'dinsos_section' && !input.section) throw invalid('field_required', 'Pilih seksi.', 'Choose a section.', 'section');
  if (user.role === 'kelurahan_operator' && !(input.kelurahanCode && (await kelurahanExists(ctx, ctx.db, input.kelurahanCode)))) {
    throw invalid('unknown_kelurahan', 'Kelurahan tidak dikenal.', 'Unknown kelurahan.', 'kelurahanCode');
  }
  const values = { section: user.role === 'dinsos_section' ? input.section! : null, kelurahanCode: user.role === 'kelurahan_operator' ? input.kelurahanCode! : null };
  await ctx.db.transaction(async (tx) => {
    await q.setStaffScope(tx, userId, values, ctx.clock());
    await audit(tx, actor, { action: 'kemiskinan.staff_scope', entity: 'user', entityId: userId, detail: values });
  });
  return values;
}

/** The caller's place in the module, for the web app: section, or kelurahan with its name. */
export async function scopeView(ctx: AppContext, v: Viewer) {
  const names = v.kelurahanCode ? await q.kelurahanNames(ctx.db) : undefined;
  return { role: v.role, section: v.section, kelurahanCode: v.kelurahanCode, kelurahanName: v.kelurahanCode ? (names?.get(v.kelurahanCode) ?? null) : null };
}

/** The volunteers a section can send (the route lets only Dinas Sosial ask). */
export const volunteers = (ctx: AppContext) => q.volunteers(ctx.db);
