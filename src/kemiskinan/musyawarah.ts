/**
 * Musyawarah kelurahan: the operator of each kelurahan sees the unregistered households proposed
 * there, records what the deliberation decided, and exports the proposal list (CSV or PDF) to
 * submit to the register. Exports carry the full NIK/KK the register needs, name who made them,
 * and are written to the audit log.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { toCsv } from '../core/export/csv.js';
import { forbidden, invalid, notFound } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import { DINSOS_ROLES, type Viewer } from './access.js';
import { act } from './actions.js';
import { NEED_TYPE_LABELS } from './messages.js';
import type { NeedType } from './lifecycle.js';
import { renderPdf, table } from '../core/export/pdf.js';
import { summaryView } from './views.js';
import * as q from './queries.js';

const DELIBERATION = { id: 'Musyawarah', en: 'Deliberation' };

/** The kelurahan the viewer works on: an operator's own, or the one Dinas Sosial asks for. */
function kelurahanOf(v: Viewer, asked: string | undefined): string {
  if (v.role === 'kelurahan_operator') {
    if (!v.kelurahanCode) throw forbidden();
    return v.kelurahanCode;
  }
  if (!DINSOS_ROLES.includes(v.role)) throw forbidden();
  if (!asked) throw invalid('field_required', 'Pilih kelurahan.', 'Choose a kelurahan.', 'kelurahan');
  return asked;
}

export async function musyawarahOverview(ctx: AppContext, v: Viewer, asked?: string) {
  const kelurahanCode = kelurahanOf(v, asked);
  const now = ctx.clock();
  const list = async (status: 'musyawarah' | 'proposed' | 'not_proposed') =>
    (await q.listComplaints(ctx.db, { kelurahanCode, statuses: [status], limit: 100, offset: 0, now })).rows.map(summaryView);
  const result = {
    kelurahanCode,
    awaiting: await list('musyawarah'),
    proposed: await list('proposed'),
    deliberations: (await q.deliberationsOf(ctx.db, kelurahanCode)).map(({ d, recordedBy }) => ({ id: d.id, heldOn: d.heldOn, notes: d.notes, recordedBy, recordedAt: d.recordedAt.toISOString() })),
  };
  await audit(ctx.db, v, { action: 'kemiskinan.musyawarah_view', entity: 'kelurahan', entityId: kelurahanCode, detail: { awaiting: result.awaiting.length, proposed: result.proposed.length } });
  return result;
}

export interface DeliberationInput {
  heldOn: string;
  notes?: string | undefined;
  decisions: { trackingNumber: string; decision: 'proposed' | 'not_proposed'; reason?: string | undefined }[];
}

/** Records one meeting and moves each decided complaint on, in the caller's transaction. */
export async function recordDeliberation(ctx: AppContext, tx: Db, v: Viewer, input: DeliberationInput) {
  if (v.role !== 'kelurahan_operator' || !v.kelurahanCode) throw forbidden();
  const at = ctx.clock();
  if (input.heldOn > wibDate(at)) throw invalid('date_future', 'Tanggal musyawarah tidak boleh di masa depan.', 'The meeting date cannot be in the future.', 'heldOn');
  const tns = input.decisions.map((d) => d.trackingNumber);
  if (new Set(tns).size !== tns.length) throw invalid('duplicate_decision', 'Satu pengaduan diputuskan dua kali.', 'A complaint is decided twice.', 'decisions');
  const d = await q.insertDeliberation(tx, { kelurahanCode: v.kelurahanCode!, heldOn: input.heldOn, notes: input.notes?.trim() || null, recordedById: v.userId, recordedAt: at });
  const rows = [];
  for (const [i, dec] of input.decisions.entries()) {
    const c = await q.findComplaint(tx, dec.trackingNumber);
    if (!c || c.kelurahanCode !== v.kelurahanCode) throw invalid('unknown_complaint', 'Pengaduan tidak ada di kelurahan ini.', 'No such complaint in this kelurahan.', `decisions.${i}.trackingNumber`);
    if (dec.decision === 'not_proposed' && !dec.reason?.trim()) throw invalid('field_required', 'Tulis alasannya.', 'Give the reason.', `decisions.${i}.reason`);
    await act(ctx, tx, v, dec.trackingNumber, dec.decision === 'proposed' ? 'propose' : 'not_propose', { deliberationId: d.id, message: dec.reason }, at);
    rows.push({ deliberationId: d.id, complaintId: c.id, decision: dec.decision, reason: dec.reason?.trim() || null });
  }
  await q.insertDecisions(tx, rows);
  await audit(tx, v, { action: 'kemiskinan.musyawarah_record', entity: 'kemiskinan_deliberation', entityId: d.id, detail: { kelurahan: v.kelurahanCode, decisions: rows.length } }, at);
  return { id: d.id };
}

const COLUMNS = ['no', 'nomor_pengaduan', 'no_kk', 'nik_kepala_keluarga', 'nama_kepala_keluarga', 'alamat', 'rt', 'rw', 'kelurahan', 'kebutuhan', 'keputusan', 'alasan', 'tanggal_musyawarah', 'diekspor_oleh', 'diekspor_pada'];

/** The proposal list of one meeting, for submission to the register. */
export async function exportDeliberation(ctx: AppContext, v: Viewer, id: number, format: 'csv' | 'pdf', ip?: string) {
  if (v.role !== 'kelurahan_operator' && !DINSOS_ROLES.includes(v.role)) throw forbidden();
  const d = await q.deliberationById(ctx.db, id);
  if (!d || kelurahanOf(v, d.kelurahanCode) !== d.kelurahanCode) throw notFound(DELIBERATION);
  const at = ctx.clock();
  const names = await q.kelurahanNames(ctx.db);
  const kelName = names.get(d.kelurahanCode) ?? d.kelurahanCode;
  const exportedAt = `${wibDate(at)} ${new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16)} WIB`;
  const rows: (string | number)[][] = [];
  for (const [i, r] of (await q.decisionsOf(ctx.db, id)).entries()) {
    const head = (await q.membersOf(ctx.db, r.h.id)).find((m) => m.relation === 'kepala');
    rows.push([
      i + 1,
      r.c.trackingNumber,
      ctx.cipher.decrypt(r.h.kkEncrypted),
      head ? ctx.cipher.decrypt(head.nikEncrypted) : '',
      r.h.headName,
      r.h.address,
      r.h.rt,
      r.h.rw,
      kelName,
      NEED_TYPE_LABELS[r.c.needType as NeedType]?.id ?? r.c.needType,
      r.decision === 'proposed' ? 'Diusulkan' : 'Tidak diusulkan',
      r.reason ?? '',
      d.heldOn,
      v.fullName,
      exportedAt,
    ]);
  }
  await audit(ctx.db, v, { action: 'kemiskinan.musyawarah_export', entity: 'kemiskinan_deliberation', entityId: id, detail: { format, rows: rows.length }, ip }, at);
  const fileName = `usulan-dtsen-${d.kelurahanCode}-${d.heldOn}.${format}`;
  if (format === 'csv') return { fileName, mime: 'text/csv; charset=utf-8', data: toCsv(COLUMNS, rows) };
  const data = await renderPdf(
    `Usulan DTSEN ${kelName} ${d.heldOn}`,
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text(`Daftar Usulan Keluarga Miskin — Musyawarah Kelurahan ${kelName}`);
      doc.font('Helvetica').fontSize(10).text(`Tanggal musyawarah: ${d.heldOn}. Untuk diajukan ke DTSEN melalui Dinas Sosial.`);
      if (d.notes) doc.text(`Catatan: ${d.notes}`);
      doc.text(`Diekspor oleh ${v.fullName} pada ${exportedAt}. Dokumen ini memuat data pribadi: jangan disebarluaskan.`).moveDown();
      table(
        doc,
        ['No', 'Pengaduan', 'No. KK', 'NIK kepala', 'Nama kepala', 'Alamat', 'RT/RW', 'Kebutuhan', 'Keputusan', 'Alasan'],
        [24, 92, 88, 88, 90, 120, 44, 70, 62, 80],
        rows.map((r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, `${r[6]}/${r[7]}`, r[9]!, r[10]!, r[11]!]),
      );
    },
    true,
  );
  return { fileName, mime: 'application/pdf', data };
}
