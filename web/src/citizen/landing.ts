import type { Role } from '../lib/session';

/** Where to go after logging in: the asked-for page if it is ours, else the role's workspace. */
export function landingFor(role: Role, lanjut: string | null): string {
  if (lanjut && lanjut.startsWith('/') && !lanjut.startsWith('//') && !lanjut.startsWith('/\\')) return lanjut;
  if (role === 'citizen') return '/laporan-saya';
  if (role === 'executive') return '/dasbor';
  return '/staf';
}
