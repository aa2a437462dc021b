import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalStorage, newFileKey, type FileStorage } from './storage.js';

let dir: string;
let storage: FileStorage;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'khidmat-storage-'));
  // A root that does not exist yet: the storage creates it on the first write.
  storage = createLocalStorage(path.join(dir, 'files'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every file under dir, relative to it, including hidden ones. */
async function listFiles(): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('local storage', () => {
  it('writes under the root, creating folders, and reads the bytes back', async () => {
    const data = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
    await storage.put('reports/2026/11/a.jpg', data, 'image/jpeg');
    expect(await storage.get('reports/2026/11/a.jpg')).toEqual(data);
    expect(await fs.readFile(path.join(dir, 'files/reports/2026/11/a.jpg'))).toEqual(data);
  });

  it('replaces a file on a second put and leaves no temp file behind', async () => {
    await storage.put('x/a.jpg', Buffer.from('first'), 'image/jpeg');
    await storage.put('x/a.jpg', Buffer.from('second'), 'image/jpeg');
    expect((await storage.get('x/a.jpg')).toString()).toBe('second');
    expect(await listFiles()).toEqual([path.join('files', 'x', 'a.jpg')]);
  });

  it('cleans up its temp file when the final rename fails', async () => {
    await fs.mkdir(path.join(dir, 'files/x/taken.jpg'), { recursive: true });
    await expect(storage.put('x/taken.jpg', Buffer.from('data'), 'image/jpeg')).rejects.toThrow();
    expect(await listFiles()).toEqual([]);
  });

  it('tells whether a file exists, and a folder is not a file', async () => {
    expect(await storage.exists('x/a.jpg')).toBe(false);
    await storage.put('x/a.jpg', Buffer.from('data'), 'image/jpeg');
    expect(await storage.exists('x/a.jpg')).toBe(true);
    expect(await storage.exists('x')).toBe(false);
  });

  it('deletes a file, and deleting a missing one is not an error', async () => {
    await storage.put('x/a.jpg', Buffer.from('data'), 'image/jpeg');
    await storage.delete('x/a.jpg');
    expect(await storage.exists('x/a.jpg')).toBe(false);
    await expect(storage.delete('x/a.jpg')).resolves.toBeUndefined();
  });

  it('rejects with ENOENT when reading a missing key', async () => {
    await expect(storage.get('x/missing.jpg')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    '',
    '../escape.jpg',
    'a/../../escape.jpg',
    '/etc/passwd',
    'a//b.jpg',
    'a/',
    './a.jpg',
    '.hidden',
    'a/.b.jpg',
    'a..b.jpg',
    'A.jpg',
    'a b.jpg',
    'a\\b.jpg',
    'a%2f..%2fb',
  ])('refuses the key %j with a plain Error on every operation', async (key) => {
    const ops = [
      () => storage.put(key, Buffer.from('x'), 'image/jpeg'),
      () => storage.get(key),
      () => storage.delete(key),
      () => storage.exists(key),
    ];
    for (const op of ops) await expect(op()).rejects.toThrow(/invalid file key/);
    expect(await listFiles()).toEqual([]);
  });
});

describe('newFileKey', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('puts a random UUID under prefix/year/month (UTC)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T23:30:00Z'));
    const key = newFileKey('reports', 'jpg');
    expect(key).toMatch(/^reports\/2026\/11\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.jpg$/);
    expect(newFileKey('reports', 'jpg')).not.toBe(key);
  });

  it('makes keys the local storage accepts', async () => {
    const key = newFileKey('uploads/evidence', 'webp');
    await storage.put(key, Buffer.from('x'), 'image/webp');
    expect(await storage.exists(key)).toBe(true);
  });

  it('refuses a prefix that would make an invalid key', () => {
    expect(() => newFileKey('../reports', 'jpg')).toThrow(/invalid file key/);
    expect(() => newFileKey('reports/', 'jpg')).toThrow(/invalid file key/);
    expect(() => newFileKey('reports', 'JPG')).toThrow(/invalid file key/);
  });
});
