import crypto from 'node:crypto';
import type { Role } from '../../core/auth/schema.js';
import { STAFF_ROLES } from '../../modules.js';
import { fileReport, photo, step, upload } from '../fixtures.js';
import type { Harness } from '../harness.js';

/** The caller of a request: a role with a session, or nobody. */
export type Who = Role | 'anonymous';
export const EVERYONE: readonly Who[] = ['anonymous', 'citizen', ...STAFF_ROLES];

export interface Cast {
  /** A session token per role; the citizen is the reporter of every cast report, OPD staff belong to PUPR. */
  token: Record<Role, string>;
  /** A second session of the same account, for routes that end the session they are called with. */
  freshToken(who: Role): Promise<string>;
  apiKey: string;
  opdId: number;
  /** A report of the citizen's (with a photo if asked), dispositioned to PUPR (public, being handled). */
  newReport(withPhoto?: boolean): Promise<{ trackingNumber: string; photoId: string }>;
}

export async function castOf(h: Harness): Promise<Cast> {
  const citizen = await h.citizen();
  const token = { citizen: citizen.token } as Record<Role, string>;
  const login: Partial<Record<Role, () => Promise<string>>> = { citizen: () => h.login(citizen.nik, 'kata-sandi-1') };
  for (const role of STAFF_ROLES) {
    const staff = await h.staff(role, role.startsWith('opd_') ? 'PUPR' : undefined);
    token[role] = staff.token;
    login[role] = () => h.login(staff.email);
  }
  const key = await h.call('POST', '/api/v1/admin/api-keys', { token: token.super_admin, body: { name: 'Uji otorisasi' } });
  const opds = await h.call('GET', '/api/v1/opds');
  const opdId = (opds.body as { id: number; code: string }[]).find((o) => o.code === 'PUPR')!.id;

  const newReport = async (withPhoto = false) => {
    const up = withPhoto ? await upload(h, citizen.token, await photo()) : undefined;
    if (up && up.status !== 201) throw new Error(`upload failed: ${up.text}`);
    const trackingNumber = await fileReport(h, citizen.token, up ? { photoIds: [up.body.id] } : {});
    const res = await step(h, token.triage_admin, trackingNumber, 'disposition', { opdCodes: ['PUPR'] });
    if (res.status !== 200) throw new Error(`disposition failed: ${res.text}`);
    return { trackingNumber, photoId: (res.body.photos[0]?.id as string | undefined) ?? crypto.randomUUID() };
  };
  return { token, freshToken: (who) => login[who]!(), apiKey: key.body.key as string, opdId, newReport };
}
