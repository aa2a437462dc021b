import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../errors.js';

export type ImageMime = 'image/jpeg' | 'image/webp' | 'image/png';

export interface ProcessImageOptions {
  /** Largest accepted upload (default 10 MiB). */
  maxBytes?: number;
  /** Largest accepted width × height as declared in the header (default 40 megapixels). */
  maxPixels?: number;
  /** Longest side of the output (default 2048). */
  maxDimension?: number;
}

export interface ProcessedImage {
  data: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

type Kind = 'jpeg' | 'png' | 'webp';

const MiB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 10 * MiB;
const DEFAULT_MAX_PIXELS = 40_000_000;
const DEFAULT_MAX_DIMENSION = 2048;
/** Keeps road-damage detail legible while a phone photo lands at a few hundred KB. */
const QUALITY = 82;

const photoError = (status: number, code: string, id: string, en: string): AppError =>
  new AppError(status, code, { id, en }, { field: 'photo' });

const num = (n: number, locale: string): string => n.toLocaleString(locale, { maximumFractionDigits: 1 });

const unsupported = () =>
  photoError(415, 'upload_type', 'Jenis berkas tidak didukung. Gunakan JPEG, PNG, atau WebP.', 'Unsupported file type. Use JPEG, PNG or WebP.');
const tooLarge = (maxBytes: number) =>
  photoError(
    413,
    'upload_too_large',
    `Berkas terlalu besar (maks. ${num(maxBytes / MiB, 'id-ID')} MB).`,
    `File too large (max ${num(maxBytes / MiB, 'en-US')} MB).`,
  );
const tooManyPixels = (maxPixels: number) =>
  photoError(
    422,
    'upload_dimensions',
    `Resolusi gambar terlalu besar (maks. ${num(maxPixels / 1e6, 'id-ID')} megapiksel).`,
    `Image resolution too large (max ${num(maxPixels / 1e6, 'en-US')} megapixels).`,
  );
const corrupt = () =>
  photoError(422, 'upload_corrupt', 'Berkas gambar rusak atau tidak dapat dibaca.', 'The image file is damaged or cannot be read.');

/** The type is decided by content only: file names and client-declared MIME types are attacker-controlled. */
function sniff(buf: Buffer): Kind | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Checks an untrusted upload by content and re-encodes it from decoded pixels, so that nothing of
 * the original file survives: no EXIF (citizens' phones write GPS of their home), no ICC/XMP, no
 * payload appended after the image data, no frames after the first.
 */
export async function processImage(input: Buffer, opts: ProcessImageOptions = {}): Promise<ProcessedImage> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxDimension = opts.maxDimension ?? DEFAULT_MAX_DIMENSION;

  if (input.length > maxBytes) throw tooLarge(maxBytes);
  // Sniff before sharp sees the bytes, so SVG, PDF, GIF etc. never reach a decoder at all.
  const kind = sniff(input);
  if (!kind) throw unsupported();

  // Reading the header decodes no pixels, so a decompression bomb is refused here at no cost; the
  // pixel limit is checked by us rather than by sharp so that it gets its own error code.
  const header = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw corrupt();
    });
  if (header.format !== kind || !header.width || !header.height) throw corrupt();
  if (header.width * header.height > maxPixels) throw tooManyPixels(maxPixels);

  // failOn 'error' rather than 'warning': cheap phone encoders trigger harmless libjpeg warnings
  // (e.g. extraneous bytes before a marker); truncated or undecodable data still fails.
  const decoded = await sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
    .rotate()
    .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw corrupt();
    });
  return encode(kind, decoded.data, decoded.info);
}

/** Only PNG keeps its format, and only when it needs alpha: JPEG is far smaller for photos. */
async function encode(kind: Kind, pixels: Buffer, info: OutputInfo): Promise<ProcessedImage> {
  const { width, height, channels } = info;
  const image = sharp(pixels, { raw: { width, height, channels } });
  let mime: ImageMime;
  if (kind === 'webp') {
    image.webp({ quality: QUALITY });
    mime = 'image/webp';
  } else if (kind === 'png' && isTransparent(pixels, info)) {
    image.png({ compressionLevel: 9 });
    mime = 'image/png';
  } else {
    // Any alpha left here is fully opaque, so dropping it changes no pixel.
    image.removeAlpha().jpeg({ quality: QUALITY, mozjpeg: true });
    mime = 'image/jpeg';
  }
  const out = await image.toBuffer({ resolveWithObject: true });
  return { data: out.data, mime, width: out.info.width, height: out.info.height, bytes: out.data.length };
}

/** Many PNGs carry an alpha channel that is opaque everywhere; those are photos, not cut-outs. */
function isTransparent(pixels: Buffer, info: OutputInfo): boolean {
  if (!info.hasAlpha) return false;
  for (let i = info.channels - 1; i < pixels.length; i += info.channels) {
    if (pixels[i] !== 255) return true;
  }
  return false;
}
