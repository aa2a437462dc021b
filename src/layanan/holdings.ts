/**
 * Requirements met by data the platform already holds, so nobody uploads them: the applicant's KTP
 * by the NIK on their verified account, and a cover letter proving hardship by the household's
 * listing in the welfare register (DTKS), which the poverty module keeps — read through its public
 * face, by the applicant's and the answered members' NIKs.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { welfareStanding, type RegisterHit } from '../kemiskinan/index.js';
import { mapNiks } from './form/niks.js';
import type * as q from './queries.js';

export interface Holdings {
  /** The requirement keys already met. */
  met: Set<string>;
  /** The household's register entry; undefined when not listed; null when the service does not ask. */
  welfare: RegisterHit | undefined | null;
}

/** What of an application (written, or about to be) decides what it already holds. */
type Holder = Pick<q.ApplicationRow, 'nikEncrypted' | 'answers' | 'channel' | 'applicantId'>;

/** Every NIK of the application, open: the applicant's and those answered in the form. */
function niksOf(ctx: AppContext, row: Holder, version: q.VersionRow): string[] {
  const niks = row.nikEncrypted ? [ctx.cipher.decrypt(row.nikEncrypted)] : [];
  mapNiks(version.form.fields, row.answers, (token) => {
    niks.push(ctx.cipher.decrypt(token));
    return token;
  });
  return [...new Set(niks)];
}

export async function holdingsOf(ctx: AppContext, db: Db, row: Holder, version: q.VersionRow): Promise<Holdings> {
  const asks = version.requirements.some((r) => r.satisfiedBy === 'welfare_register');
  const welfare = asks ? await welfareStanding(ctx, db, niksOf(ctx, row, version)) : null;
  const verifiedNik = row.channel === 'online' && row.applicantId !== null && row.nikEncrypted !== null;
  const met = new Set(
    version.requirements.filter((r) => (r.satisfiedBy === 'account_nik' && verifiedNik) || (r.satisfiedBy === 'welfare_register' && welfare)).map((r) => r.key),
  );
  return { met, welfare };
}
