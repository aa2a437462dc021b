import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. Kept to four operations so that an S3-compatible backend can replace
 * the local disk without touching callers. Keys are made by the server (see newFileKey), never
 * taken from users.
 */
export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Rejects (ENOENT for the local backend) when the key does not exist. */
  get(key: string): Promise<Buffer>;
  /** Deleting a missing key is not an error, so a retried cleanup does not fail. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/**
 * Segments of lower-case letters, digits, `_`, `.` and `-`, joined by `/`. A segment may not start
 * with a dot, which rules out `.` and `..` and keeps hidden names free for temp files.
 */
const KEY = /^[a-z0-9_-][a-z0-9_.-]*(\/[a-z0-9_-][a-z0-9_.-]*)*$/;

/** A bad key is a server bug, not user input, so it is a plain Error rather than an AppError. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid file key: ${JSON.stringify(key)}`);
  return key;
}

/** A fresh key such as `reports/2026/11/<uuid>.jpg`; the month folders keep directories small. */
export function newFileKey(prefix: string, ext: string): string {
  const now = new Date();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return checkKey(`${prefix}/${now.getUTCFullYear()}/${month}/${randomUUID()}.${ext}`);
}

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ENOENT';

export function createLocalStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'));

  return {
    // The content type is not stored: the database row keeps the MIME type for serving.
    async put(key, data) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write and fsync a temp file in the same directory, then rename it over the key: rename is
      // atomic, so readers and crashes see either no file or the whole file, never half of one.
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
      try {
        const handle = await fs.open(tmp, 'wx');
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },

    async get(key) {
      return fs.readFile(fileOf(key));
    },

    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },

    async exists(key) {
      try {
        return (await fs.stat(fileOf(key))).isFile();
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
  };
}
