import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const noFile = (field: string) => new AppError(400, 'upload_missing', { id: 'Pilih berkas untuk diunggah.', en: 'Choose a file to upload.' }, { field });
const tooLarge = (field: string) => new AppError(413, 'upload_too_large', { id: 'Berkas terlalu besar (maks. 10 MB).', en: 'File too large (max 10 MB).' }, { field });

/** The one file of a multipart upload, whole (the app's multipart limit stops it at MAX_UPLOAD_BYTES). */
export async function onlyFile(request: FastifyRequest, field: string): Promise<{ raw: Buffer; filename: string }> {
  if (!request.isMultipart()) throw noFile(field);
  const part = await request.file();
  if (!part) throw noFile(field);
  try {
    return { raw: await part.toBuffer(), filename: part.filename };
  } catch {
    throw tooLarge(field);
  }
}
