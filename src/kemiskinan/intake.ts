/**
 * Filing a poverty complaint: by a citizen for their own household, or by a kelurahan operator or
 * volunteer on the household's behalf. The household is matched against the welfare register by
 * keyed hashes of its NIKs and KK: registered households go to the Dinas Sosial desk, the others
 * to the musyawarah kelurahan.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { enqueue } from '../core/notifications/outbox.js';
import { AppError, conflict, forbidden, invalid } from '../core/errors.js';
import { maskNik, parseNik } from '../core/nik/nik.js';
import { wibDate } from '../core/calendar/working-days.js';
import { kelurahanExists } from '../core/reference/regions.js';
import { ON_BEHALF_ROLES, type Viewer } from './access.js';
import { isUrgentCategory, NEED_TYPES, OPEN_STATUSES, MUSYAWARAH_STATUSES, type NeedCategory } from './lifecycle.js';
import { statusNotice } from './messages.js';
import { verifyDue } from './sla.js';
import * as q from './queries.js';

export interface MemberInput {
  nik: string;
  name: string;
  relation: 'kepala' | 'istri_suami' | 'anak' | 'lainnya';
}

export interface ComplaintInput {
  household: {
    kk: string;
    address: string;
    kelurahanCode: string;
    rt: string;
    rw: string;
    members: MemberInput[];
  };
  needCategory: NeedCategory;
  needType: string;
  description: string;
  photoIds?: string[] | undefined;
}

/** KK numbers are masked like NIKs: the region and the last two digits. */
export const maskKk = maskNik;

function checkInput(ctx: AppContext, input: ComplaintInput) {
  const hh = input.household;
  if (!/^\d{16}$/.test(hh.kk.replace(/\s+/g, ''))) {
    throw invalid('kk_format', 'Nomor KK harus 16 digit angka.', 'The KK number must be exactly 16 digits.', 'household.kk');
  }
  if (!(NEED_TYPES[input.needCategory] as readonly string[]).includes(input.needType)) {
    throw invalid('unknown_need', 'Jenis kebutuhan tidak sesuai kategorinya.', 'The need does not belong to its category.', 'needType');
  }
  const heads = hh.members.filter((m) => m.relation === 'kepala');
  if (heads.length !== 1) {
    throw invalid('one_head_required', 'Tepat satu anggota harus kepala keluarga.', 'Exactly one member must be the head of the household.', 'household.members');
  }
  const seen = new Set<string>();
  return hh.members.map((m, i) => {
    let nik: string;
    try {
      nik = parseNik(m.nik, { today: ctx.clock() }).nik;
    } catch (err) {
      // Point at the member's own field, so the form marks the right row.
      if (err instanceof AppError) throw new AppError(err.status, err.code, err.messages, { field: `household.members.${i}.nik` });
      throw err;
    }
    if (seen.has(nik)) throw invalid('duplicate_nik', 'NIK ini sudah tercantum pada anggota lain.', 'This NIK is already listed for another member.', `household.members.${i}.nik`);
    seen.add(nik);
    return { ...m, nik, name: m.name.trim() };
  });
}

export async function submitComplaint(ctx: AppContext, tx: Db, filer: Viewer, input: ComplaintInput, at = ctx.clock()) {
  const onBehalf = ON_BEHALF_ROLES.includes(filer.role);
  if (filer.role !== 'citizen' && !onBehalf) throw forbidden();
  const hh = input.household;
  if (!(await kelurahanExists(ctx, tx, hh.kelurahanCode))) {
    throw invalid('unknown_kelurahan', 'Kelurahan tidak dikenal.', 'Unknown kelurahan.', 'household.kelurahanCode');
  }
  if (filer.role === 'kelurahan_operator' && filer.kelurahanCode !== hh.kelurahanCode) {
    throw invalid('other_kelurahan', 'Operator hanya dapat mengajukan untuk warga kelurahannya.', 'An operator can only file for residents of their own kelurahan.', 'household.kelurahanCode');
  }
  const people = checkInput(ctx, input);
  const kk = hh.kk.replace(/\s+/g, '');
  const kkHash = ctx.cipher.keyedHash(kk);
  const nikHashes = people.map((m) => ctx.cipher.keyedHash(m.nik));
  if (filer.role === 'citizen' && !nikHashes.includes((await q.nikHashOf(tx, filer.userId)) ?? '')) {
    throw invalid('filer_not_member', 'NIK Anda harus tercantum sebagai anggota keluarga.', 'Your own NIK must be listed as a household member.', 'household.members');
  }

  const existing = await q.householdByKk(tx, kkHash, true);
  if (existing) {
    const open = await q.listComplaints(tx, { householdId: existing.id, statuses: [...OPEN_STATUSES, ...MUSYAWARAH_STATUSES], needCategory: input.needCategory, limit: 1, offset: 0, now: at });
    if (open.rows.length) {
      throw conflict('open_complaint_exists', `Keluarga ini masih punya pengaduan ${open.rows[0]!.c.trackingNumber} untuk kebutuhan yang sama.`, `This household still has complaint ${open.rows[0]!.c.trackingNumber} open for the same need.`, 'needCategory');
    }
  }
  const head = people.find((m) => m.relation === 'kepala')!;
  const householdId = await q.upsertHousehold(
    tx,
    {
      kkHash,
      kkEncrypted: ctx.cipher.encrypt(kk),
      kkMasked: maskKk(kk),
      headName: head.name,
      address: hh.address.trim(),
      kelurahanCode: hh.kelurahanCode,
      rt: hh.rt.padStart(3, '0'),
      rw: hh.rw.padStart(3, '0'),
      createdAt: at,
      updatedAt: at,
    },
    existing?.id,
  );
  await q.replaceMembers(
    tx,
    householdId,
    people.map((m, i) => ({ nikHash: nikHashes[i]!, nikEncrypted: ctx.cipher.encrypt(m.nik), nikMasked: maskNik(m.nik), name: m.name, relation: m.relation })),
  );

  const hit = await q.matchRegister(tx, nikHashes, kkHash);
  // The household's own account follows the complaint: the filer, or a member with an account.
  let citizenId: string | null = filer.role === 'citizen' ? filer.userId : null;
  if (!citizenId) {
    const accounts = await q.citizensByNikHash(tx, nikHashes);
    citizenId = (accounts.find((a) => a.nikHash === nikHashes[people.indexOf(head)]) ?? accounts[0])?.id ?? null;
  }
  const urgent = isUrgentCategory(input.needCategory);
  const status = hit ? 'submitted' : 'musyawarah';
  const serial = await q.nextTrackingSerial(tx);
  const trackingNumber = `${ctx.config.city.trackingPrefix}-KM-${wibDate(at).slice(0, 4)}-${String(serial).padStart(6, '0')}`;
  const complaint = await q.insertComplaint(tx, {
    trackingNumber,
    householdId,
    kelurahanCode: hh.kelurahanCode,
    needCategory: input.needCategory,
    needType: input.needType,
    urgent,
    description: input.description.trim(),
    status,
    filedById: filer.userId,
    channel: filer.role === 'citizen' ? 'citizen' : (filer.role as 'kelurahan_operator' | 'volunteer'),
    citizenId,
    registered: !!hit,
    registerPeriod: hit?.period ?? null,
    registerDecile: hit?.decile ?? null,
    registerProgrammes: hit?.programmes ?? null,
    createdAt: at,
    updatedAt: at,
    verifyDueAt: hit ? await verifyDue(ctx, tx, at, urgent) : null,
  });

  const guidance = hit
    ? null
    : 'Keluarga ini belum terdaftar di DTSEN. Pengaduan diteruskan ke musyawarah kelurahan untuk diusulkan masuk DTSEN; operator kelurahan akan menghubungi Anda.';
  await q.insertEvent(tx, {
    complaintId: complaint.id,
    at,
    actorId: filer.userId,
    actorRole: filer.role,
    action: 'submit',
    toStatus: status,
    publicMessage: guidance,
    detail: { channel: complaint.channel, registered: !!hit, ...(hit ? { period: hit.period } : {}) },
  });
  if (input.photoIds?.length && !(await q.attachPhotos(tx, { complaintId: complaint.id, ownerId: filer.userId, uploadIds: input.photoIds, at }))) {
    throw invalid('unknown_photo', 'Foto tidak ditemukan atau sudah dipakai.', 'Photo not found or already used.', 'photoIds');
  }
  await audit(tx, filer, { action: 'kemiskinan.submit', entity: 'kemiskinan_complaint', entityId: trackingNumber, detail: { channel: complaint.channel, registered: !!hit, urgent } }, at);

  const email = !!ctx.config.smtp;
  if (citizenId && citizenId !== filer.userId) await enqueue(tx, [citizenId], statusNotice(trackingNumber, status, guidance), { email, at });
  const staff = (await q.staffToTell(tx, hit ? { desk: true } : { kelurahanCode: hh.kelurahanCode, desk: urgent })).filter((id) => id !== filer.userId);
  await enqueue(
    tx,
    staff,
    {
      title: { id: `${urgent ? 'DARURAT — ' : ''}Pengaduan kemiskinan baru: ${trackingNumber}`, en: `${urgent ? 'EMERGENCY — ' : ''}New poverty complaint: ${trackingNumber}` },
      body: hit ? { id: 'Keluarga terdaftar DTSEN, menunggu verifikasi.', en: 'Registered household, awaiting verification.' } : { id: 'Keluarga belum terdaftar DTSEN: untuk musyawarah kelurahan.', en: 'Unregistered household: for the kelurahan deliberation.' },
      link: hit ? `/kemiskinan/pengaduan/${trackingNumber}` : '/kemiskinan/musyawarah',
    },
    { email, at },
  );
  return complaint;
}
