import zlib from 'node:zlib';
import sharp, { type Color } from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { processImage } from './image.js';

const MiB = 1024 * 1024;
const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

/** Noise makes the encoded file realistically large, so truncation cuts into scan data. */
const noisy = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: RED, noise: { type: 'gaussian', mean: 128, sigma: 30 } } });
const solid = (width: number, height: number, background: Color, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background } });

/** The RGB(A) value of one output pixel. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

/** A PNG of only a header (plus a token IDAT) declaring the given size: a decompression bomb's calling card. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

const refusal = (status: number, code: string) => ({ status, code, field: 'photo' });

describe('processImage: accepted images', () => {
  it('re-encodes a JPEG as JPEG at its own size and reports what it wrote', async () => {
    const out = await processImage(await noisy(640, 480).jpeg().toBuffer());
    expect(out).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480, bytes: out.data.length });
    const meta = await sharp(out.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 640, 480]);
  });

  it('shrinks to fit maxDimension, keeping the aspect ratio, and never enlarges', async () => {
    const big = await processImage(await solid(4000, 3000, RED).jpeg().toBuffer());
    expect([big.width, big.height]).toEqual([2048, 1536]);
    const small = await processImage(await solid(300, 200, RED).jpeg().toBuffer(), { maxDimension: 1024 });
    expect([small.width, small.height]).toEqual([300, 200]);
    const portrait = await processImage(await solid(300, 600, RED).jpeg().toBuffer(), { maxDimension: 100 });
    expect([portrait.width, portrait.height]).toEqual([50, 100]);
  });

  it('strips EXIF (including GPS), ICC and XMP', async () => {
    const input = await noisy(200, 100)
      .jpeg()
      .withExif({ IFD0: { Make: 'KHIDMAT-MAKE' }, IFD3: { GPSLatitudeRef: 'N', GPSMapDatum: 'KHIDMAT-GPS' } })
      .withIccProfile('p3')
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">KHIDMAT-XMP</rdf:RDF></x:xmpmeta>')
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes('KHIDMAT-GPS')).toBe(true);
    expect(before.icc).toBeDefined();
    expect(before.xmp?.includes('KHIDMAT-XMP')).toBe(true);

    const out = await processImage(input);
    const after = await sharp(out.data).metadata();
    expect([after.exif, after.icc, after.xmp]).toEqual([undefined, undefined, undefined]);
    expect(out.data.includes('KHIDMAT')).toBe(false);
  });

  it('applies the EXIF orientation to the pixels and drops the tag', async () => {
    // 40×20, red left half and blue right half; orientation 6 means "rotate 90° clockwise to view".
    const input = await solid(40, 20, RED)
      .composite([{ input: { create: { width: 20, height: 20, channels: 3, background: BLUE } }, left: 20, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await processImage(input);
    expect([out.width, out.height]).toEqual([20, 40]);
    expect((await sharp(out.data).metadata()).orientation).toBeUndefined();
    const [topR, , topB] = await pixel(out.data, 10, 5);
    const [bottomR, , bottomB] = await pixel(out.data, 10, 35);
    expect(topR).toBeGreaterThan(200);
    expect(topB).toBeLessThan(50);
    expect(bottomR).toBeLessThan(50);
    expect(bottomB).toBeGreaterThan(200);
  });

  it('turns an opaque PNG into JPEG, even one with an all-opaque alpha channel', async () => {
    const plain = await processImage(await solid(64, 64, RED).png().toBuffer());
    expect(plain.mime).toBe('image/jpeg');
    const opaqueAlpha = await processImage(await solid(64, 64, { ...RED, alpha: 1 }, 4).png().toBuffer());
    expect(opaqueAlpha.mime).toBe('image/jpeg');
    expect((await sharp(opaqueAlpha.data).metadata()).format).toBe('jpeg');
  });

  it('keeps a PNG with transparency as PNG, alpha intact', async () => {
    const out = await processImage(await solid(64, 64, { ...RED, alpha: 0.5 }, 4).png().toBuffer());
    expect(out.mime).toBe('image/png');
    expect((await sharp(out.data).metadata()).format).toBe('png');
    expect((await pixel(out.data, 0, 0))[3]).toBe(128);
  });

  it('re-encodes WebP as WebP', async () => {
    const out = await processImage(await noisy(120, 80).webp().toBuffer());
    expect(out).toMatchObject({ mime: 'image/webp', width: 120, height: 80 });
    expect((await sharp(out.data).metadata()).format).toBe('webp');
  });

  it('keeps only the first frame of an animated WebP', async () => {
    const frame = (background: Color) => solid(16, 16, background).png().toBuffer();
    const animated = await sharp([await frame(RED), await frame(BLUE), await frame(RED)], { join: { animated: true } }).webp().toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(3);

    const out = await processImage(animated);
    const meta = await sharp(out.data).metadata();
    expect([meta.pages, out.width, out.height]).toEqual([undefined, 16, 16]);
    const [r, , b] = await pixel(out.data, 8, 8);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(50);
  });

  it('does not pass through a payload appended after a valid JPEG', async () => {
    const jpeg = await noisy(200, 150).jpeg().toBuffer();
    const php = Buffer.from('<?php system($_GET["cmd"]); ?>');
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('evil.php')]);
    for (const payload of [php, zip]) {
      const out = await processImage(Buffer.concat([jpeg, payload]));
      expect(out.mime).toBe('image/jpeg');
      expect(out.data.includes(payload)).toBe(false);
      expect(out.data.includes('PK\x03\x04')).toBe(false);
    }
  });
});

describe('processImage: refusals', () => {
  it.each([
    ['an SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'],
    ['HTML', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
    ['plain text named .jpg', 'this is not a photo, just text renamed to jalan.jpg'],
    ['a PDF', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'],
    ['a ZIP', 'PK\x03\x04\x14\x00\x00\x00\x08\x00evil.php'],
    ['a RIFF that is not WebP', 'RIFF\x24\x00\x00\x00WAVEfmt '],
    ['an empty buffer', ''],
  ])('refuses %s as upload_type (415)', async (_name, content) => {
    await expect(processImage(Buffer.from(content, 'latin1'))).rejects.toMatchObject(refusal(415, 'upload_type'));
  });

  it('refuses a GIF as upload_type, though sharp could decode it', async () => {
    const gif = await solid(8, 8, RED).gif().toBuffer();
    await expect(processImage(gif)).rejects.toMatchObject(refusal(415, 'upload_type'));
  });

  it('refuses oversize input as upload_too_large (413), by default above 10 MiB', async () => {
    const jpeg = await noisy(200, 200).jpeg().toBuffer();
    await expect(processImage(jpeg, { maxBytes: jpeg.length - 1 })).rejects.toMatchObject(refusal(413, 'upload_too_large'));
    await expect(processImage(jpeg, { maxBytes: jpeg.length })).resolves.toMatchObject({ mime: 'image/jpeg' });
    await expect(processImage(Buffer.concat([jpeg, Buffer.alloc(10 * MiB)]))).rejects.toMatchObject(refusal(413, 'upload_too_large'));
  });

  it('refuses a PNG declaring 100000×100000 pixels as upload_dimensions (422) without decoding it', async () => {
    const bomb = pngDeclaring(100_000, 100_000);
    expect(bomb.length).toBeLessThan(200);
    await expect(processImage(bomb)).rejects.toMatchObject(refusal(422, 'upload_dimensions'));
  });

  it('applies maxPixels to the declared width × height', async () => {
    const jpeg = await solid(100, 50, RED).jpeg().toBuffer();
    await expect(processImage(jpeg, { maxPixels: 4999 })).rejects.toMatchObject(refusal(422, 'upload_dimensions'));
    await expect(processImage(jpeg, { maxPixels: 5000 })).resolves.toMatchObject({ width: 100, height: 50 });
  });

  it('refuses a truncated JPEG as upload_corrupt (422)', async () => {
    const jpeg = await noisy(800, 600).jpeg().toBuffer();
    for (const keep of [20, Math.floor(jpeg.length / 2), jpeg.length - 100]) {
      await expect(processImage(jpeg.subarray(0, keep))).rejects.toMatchObject(refusal(422, 'upload_corrupt'));
    }
  });

  it('refuses data that only carries an image signature as upload_corrupt', async () => {
    const jpegHtml = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]);
    const pngGarbage = Buffer.concat([pngDeclaring(10, 10).subarray(0, 8), Buffer.from('not really a png at all')]);
    for (const input of [jpegHtml, pngGarbage]) {
      await expect(processImage(input)).rejects.toMatchObject(refusal(422, 'upload_corrupt'));
    }
  });

  it('gives every refusal in Indonesian and English', async () => {
    const err = await processImage(Buffer.from('GIF89a')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).messages).toEqual({
      id: 'Jenis berkas tidak didukung. Gunakan JPEG, PNG, atau WebP.',
      en: 'Unsupported file type. Use JPEG, PNG or WebP.',
    });
    const tooBig = (await processImage(Buffer.alloc(11 * MiB)).catch((e: unknown) => e)) as AppError;
    expect(tooBig.messages).toEqual({ id: 'Berkas terlalu besar (maks. 10 MB).', en: 'File too large (max 10 MB).' });
  });
});
