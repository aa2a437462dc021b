/**
 * A requirement's document (or a file field's) uploaded to an application: only while it is a
 * draft or sent back for correction, by whoever plays the applicant. Checked by content through the
 * platform's document pipeline (a PDF rewritten without scripts or attachments; a photo of a paper
 * re-encoded without its metadata and kept as a one-page PDF), within the requirement's own kinds
 * and size. A new upload replaces the key's document; every upload is on the timeline.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { AppError, conflict, invalid } from '../core/errors.js';
import { audit } from '../core/audit/audit.js';
import { claimDocuments } from '../core/files/claim.js';
import { isPhoto, storeScan } from '../core/files/store-document.js';
import { asApplicant } from './applications.js';
import type { FileKind } from './form/definition.js';
import * as q from './queries.js';

const KIND_NAMES: Record<FileKind, { id: string; en: string }> = { pdf: { id: 'PDF', en: 'PDF' }, image: { id: 'foto (JPEG, PNG, WebP)', en: 'a photo (JPEG, PNG, WebP)' } };

export async function uploadRequirement(ctx: AppContext, p: Principal, number: string, key: string, raw: Buffer, filename: string | undefined): Promise<void> {
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const { row, version } = await asApplicant(tx, p, number);
    if (row.status !== 'draft' && row.status !== 'correction_requested') {
      throw conflict('not_editable', 'Berkas hanya dapat diunggah selama draf atau saat diminta perbaikan.', 'Files can be uploaded only in a draft or when a correction is asked for.', 'status');
    }
    const requirement = version.requirements.find((r) => r.key === key);
    const fileField = version.form.fields.find((f) => f.type === 'file' && f.key === key);
    if (!requirement && !fileField) throw invalid('unknown_requirement', `Persyaratan "${key}" tidak ada pada layanan ini.`, `The requirement "${key}" is not part of this service.`, 'key');
    // A file field takes what a requirement takes by default: a PDF or a photo, up to 10 MB.
    const kinds: FileKind[] = requirement?.kinds ?? ['pdf', 'image'];
    const maxBytes = requirement?.maxBytes ?? 10 * 1024 * 1024;
    if (raw.length > maxBytes) {
      const mb = (maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
      throw new AppError(413, 'file_too_large', { id: `Berkas terlalu besar (maks. ${mb} MB).`, en: `File too large (max ${mb} MB).` }, { field: 'file' });
    }
    const kind: FileKind = isPhoto(raw) ? 'image' : 'pdf';
    if (!kinds.includes(kind)) {
      const allowed = kinds.map((k) => KIND_NAMES[k]);
      throw new AppError(415, 'file_kind', { id: `Gunakan ${allowed.map((a) => a.id).join(' atau ')}.`, en: `Use ${allowed.map((a) => a.en).join(' or ')}.` }, { field: 'file' });
    }
    const doc = await storeScan(ctx, tx, p.userId, raw, filename, { at, papersOnly: true });
    await claimDocuments(tx, [doc.id], p.userId, at);
    await q.replaceFile(tx, { applicationId: row.id, key, documentId: doc.id, uploadedAt: at, uploadedById: p.userId });
    await q.insertEvent(tx, { applicationId: row.id, at, actorId: p.userId, actorRole: p.role, action: 'upload', fromStatus: row.status, toStatus: row.status, detail: { key, name: doc.name } });
    await audit(tx, p, { action: 'layanan.upload', entity: 'layanan_application', entityId: number, detail: { key } }, at);
  });
}
