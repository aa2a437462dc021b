/**
 * Hostile uploads through the real endpoint (the image pipeline's own rules are unit-tested in
 * src/core/files/image.test.ts): every refusal is problem+json naming the photo field and leaves no
 * row and no file behind; what is accepted comes back re-encoded, without the smuggled payload or GPS.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { uploads } from '../../core/files/schema.js';
import { upload } from '../fixtures.js';
import { describeEachDatabase, type ApiResponse, type Harness } from '../harness.js';

const noisy = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#884400', noise: { type: 'gaussian', mean: 128, sigma: 30 } } });

/** A small real PNG whose header is rewritten to declare a huge size (CRC fixed up): a decompression bomb. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer());
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

describeEachDatabase('hostile uploads', (h) => {
  let token: string;
  beforeAll(async () => {
    token = (await h().citizen()).token;
  });

  const state = async (hh: Harness) => ({ rows: (await hh.ctx.db.select().from(uploads)).length, files: filesUnder(path.join(hh.ctx.config.dataDir, 'files')).length });

  async function refused(res: ApiResponse, status: number, code: string, before: { rows: number; files: number }) {
    expect(res.status, res.text).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code, field: 'photo', message: { id: expect.any(String), en: expect.any(String) } });
    expect(await state(h())).toEqual(before);
  }

  it('refuses what is not a photo, whatever its name and declared type says', async () => {
    const before = await state(h());
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>');
    await refused(await upload(h(), token, svg, 'jalan.jpg', 'image/jpeg'), 415, 'upload_type', before);
    await refused(await upload(h(), token, svg, 'jalan.svg', 'image/svg+xml'), 415, 'upload_type', before);
    const html = Buffer.from('<!doctype html><script>fetch("/api/v1/auth/me")</script>');
    await refused(await upload(h(), token, html, 'foto.png', 'image/png'), 415, 'upload_type', before);
  });

  it('refuses a JPEG signature followed by HTML, a truncated photo and a decompression bomb', async () => {
    const before = await state(h());
    const jpegHtml = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]);
    await refused(await upload(h(), token, jpegHtml), 422, 'upload_corrupt', before);
    const jpeg = await noisy(800, 600).jpeg().toBuffer();
    await refused(await upload(h(), token, jpeg.subarray(0, Math.floor(jpeg.length / 2))), 422, 'upload_corrupt', before);
    const bomb = await pngClaiming(100_000, 100_000);
    expect(bomb.length).toBeLessThan(200);
    await refused(await upload(h(), token, bomb, 'bom.png', 'image/png'), 422, 'upload_dimensions', before);
  });

  it('refuses a file above 10 MB with 413', async () => {
    const before = await state(h());
    const big = Buffer.concat([await noisy(64, 64).jpeg().toBuffer(), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    await refused(await upload(h(), token, big), 413, 'upload_too_large', before);
  });

  it('refuses a request without a photo part, and one that is not multipart', async () => {
    const before = await state(h());
    const empty = new FormData();
    empty.append('note', 'tanpa foto');
    await refused(await h().call('POST', '/api/v1/uploads', { token, raw: empty }), 400, 'upload_missing', before);
    const json = await h().call('POST', '/api/v1/uploads', { token, body: { photo: 'data:image/jpeg;base64,/9j/' } });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
    expect(json.headers.get('content-type')).toContain('application/problem+json');
    expect(await state(h())).toEqual(before);
  });

  it('keeps only the pixels of a JPEG+ZIP polyglot and serves it as an image that is never sniffed', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('evil.html<script>alert(1)</script>')]);
    const res = await upload(h(), token, Buffer.concat([await noisy(320, 240).jpeg().toBuffer(), zip]), 'poly.jpg.html', 'text/html');
    expect(res.status).toBe(201);
    const served = await fetch(`${h().baseUrl}/api/v1/uploads/${res.body.id}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(bytes.includes('PK\x03\x04')).toBe(false);
    expect(bytes.includes('<script>')).toBe(false);
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
  });

  it('strips EXIF (GPS of the citizen\'s home) from an accepted photo', async () => {
    const withGps = await noisy(300, 200)
      .jpeg()
      .withExif({ IFD0: { Make: 'HP-WARGA' }, IFD3: { GPSLatitudeRef: 'N', GPSMapDatum: 'RUMAH-WARGA' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif?.includes('RUMAH-WARGA')).toBe(true);
    const res = await upload(h(), token, withGps);
    expect(res.status).toBe(201);
    const served = Buffer.from(await (await fetch(`${h().baseUrl}/api/v1/uploads/${res.body.id}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    expect(served.includes('RUMAH-WARGA')).toBe(false);
    expect(served.includes('HP-WARGA')).toBe(false);
  });
});
