import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from './storage-s3.js';
import type { FileStorage } from './storage.js';

// No real S3 server can be installed here: s3rver (an S3 API emulator on local disk) stands in.
let server: S3rver;
let dir: string;
let storage: FileStorage;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'khidmat-files', configs: [] }] });
  const { port } = await server.run();
  storage = createS3Storage({
    bucket: 'khidmat-files',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('S3 storage (s3rver)', () => {
  it('stores, replaces, reads back, reports existence and deletes', async () => {
    const key = 'uploads/2026/11/0f0e0d0c-aaaa-4bbb-8ccc-000000000001.jpg';
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, Buffer.from([0xff, 0xd8, 1, 2, 3]), 'image/jpeg');
    await storage.put(key, Buffer.from([0xff, 0xd8, 9]), 'image/jpeg');
    expect([...(await storage.get(key))]).toEqual([0xff, 0xd8, 9]);
    expect(await storage.exists(key)).toBe(true);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    // Deleting twice is fine, so a retried sweep does not fail.
    await storage.delete(key);
  });

  it('answers a missing key with ENOENT like the local backend', async () => {
    await expect(storage.get('uploads/none.jpg')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses keys the server did not make', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid file key/);
  });
});
