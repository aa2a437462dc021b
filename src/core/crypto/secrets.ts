/**
 * Field-level encryption for personal data at rest (NIKs, external reporters' contacts): a database
 * dump alone reveals nothing. Lookups by such a field go through a keyed hash, since a plain hash
 * of a 16-digit NIK with a known layout is brute-forced in minutes.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface FieldCipher {
  /** A fresh random IV each time: equal plaintexts give different tokens. */
  encrypt(plain: string): string;
  /** Throws if the token was altered, truncated or made with another key. */
  decrypt(token: string): string;
  /** Deterministic HMAC-SHA256 (hex) for equality lookups and uniqueness. */
  keyedHash(value: string): string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

const b64 = (bytes: Buffer) => bytes.toString('base64url');

/** Independent subkeys, so that the encryption key and the hash key never share material. */
function subkey(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `khidmat/${label}`, KEY_BYTES));
}

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== KEY_BYTES) throw new Error(`The master key must be ${KEY_BYTES} bytes, got ${masterKey.length}`);
  const encKey = subkey(masterKey, 'field-encryption/aes-256-gcm/v1');
  const hashKey = subkey(masterKey, 'keyed-hash/hmac-sha256/v1');

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join('.');
    },

    decrypt(token) {
      const [version, iv, ciphertext, tag, ...extra] = token.split('.');
      if (version !== VERSION || iv === undefined || ciphertext === undefined || tag === undefined || extra.length > 0) {
        throw new Error('Not an encrypted field token (expected v1.<iv>.<ciphertext>.<tag>)');
      }
      // authTagLength makes Node refuse a shortened tag, which would otherwise weaken the check.
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      try {
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new Error('Encrypted field failed authentication: altered, or made with another key', { cause });
      }
    },

    keyedHash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('hex');
    },
  };
}

export function generateMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Reads KHIDMAT_SECRET_KEY: 32 bytes as hex (64 characters) or base64/base64url (43–44). */
export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  // Buffer.from skips characters it does not understand, so the alphabet is checked first.
  const key = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(t)
      ? Buffer.from(t, 'base64')
      : undefined;
  if (key?.length !== KEY_BYTES) {
    throw new Error(
      'KHIDMAT_SECRET_KEY must be 32 random bytes written as base64 (44 characters) or hex (64 characters); ' +
        'generate one with `openssl rand -base64 32`.',
    );
  }
  return key;
}
