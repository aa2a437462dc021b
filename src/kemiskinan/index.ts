/**
 * What other modules may use of the poverty module: a household's standing in the welfare register
 * in force (DTKS), found by its members' NIKs through the register's keyed hashes — the plain NIKs
 * never reach a query. Public services read it for an SKTM.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { matchRegister, type RegisterHit } from './queries.js';

export type { RegisterHit } from './queries.js';

/** The best (lowest-decile) register entry of any of these people, or undefined when none is listed. */
export const welfareStanding = (ctx: AppContext, db: Db, niks: readonly string[]): Promise<RegisterHit | undefined> =>
  // No KK number is asked here: an empty hash matches no household by KK.
  matchRegister(db, niks.map((n) => ctx.cipher.keyedHash(n)), '');
