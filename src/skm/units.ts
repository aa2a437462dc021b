/** Service units as the API shows them, and finding one within the caller's scope. */
import type { Principal } from '../core/auth/principal.js';
import type { Db } from '../core/db/client.js';
import { notFound } from '../core/errors.js';
import { mayEnter, mayPublish, mayReadRaw } from './access.js';
import { UNIT } from './messages.js';
import * as q from './queries.js';

export const unitView = (u: q.Unit) => ({ id: u.id, kind: u.kind, ref: u.ref, name: u.name, publicKey: u.publicKey, population: u.population });

/** The unit, if the caller may act on it in this way; otherwise it does not exist for them. */
export async function unitFor(db: Db, p: Principal, unitId: number, may: typeof mayEnter | typeof mayReadRaw | typeof mayPublish): Promise<q.Unit> {
  const u = await q.unitById(db, unitId);
  if (!u || !may(p, u)) throw notFound(UNIT);
  return u;
}
