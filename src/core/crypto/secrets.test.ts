import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, generateMasterKey, parseMasterKey } from './secrets.js';

const key = Buffer.alloc(32, 7);
const cipher = createFieldCipher(key);

/** Flips one bit of the n-th dot-separated part of a token. */
function flipBit(token: string, part: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0]! ^= 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('createFieldCipher', () => {
  it('round-trips text, including non-ASCII and empty strings', () => {
    for (const plain of ['1472015708900001', '{"name":"Siti Aisyah","phone":"+6281234567890"}', 'Jl. Sudirman — RT 02 / RW 05', '']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('writes a versioned token: v1.<iv>.<ciphertext>.<tag> in base64url, 12-byte IV, 16-byte tag', () => {
    const [version, iv, ciphertext, tag, ...rest] = cipher.encrypt('1472015708900001').split('.');
    expect(version).toBe('v1');
    expect(rest).toEqual([]);
    for (const part of [iv, ciphertext, tag]) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
  });

  it('uses a different IV each time, so equal plaintexts give different tokens', () => {
    const tokens = Array.from({ length: 20 }, () => cipher.encrypt('1472015708900001'));
    expect(new Set(tokens.map((t) => t.split('.')[1])).size).toBe(20);
    expect(new Set(tokens).size).toBe(20);
  });

  it('detects tampering with the IV, the ciphertext or the tag', () => {
    const token = cipher.encrypt('1472015708900001');
    for (const part of [1, 2, 3]) {
      expect(() => cipher.decrypt(flipBit(token, part))).toThrow(/failed authentication/);
    }
  });

  it('refuses a truncated tag', () => {
    const [version, iv, ciphertext, tag] = cipher.encrypt('1472015708900001').split('.');
    const short = Buffer.from(tag!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => cipher.decrypt([version, iv, ciphertext, short].join('.'))).toThrow();
  });

  it('refuses malformed tokens and tokens from another key', () => {
    const token = cipher.encrypt('1472015708900001');
    expect(() => cipher.decrypt('1472015708900001')).toThrow(/Not an encrypted field token/);
    expect(() => cipher.decrypt(token.replace(/^v1/, 'v2'))).toThrow(/Not an encrypted field token/);
    expect(() => cipher.decrypt(`${token}.x`)).toThrow(/Not an encrypted field token/);
    expect(() => createFieldCipher(Buffer.alloc(32, 8)).decrypt(token)).toThrow(/failed authentication/);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => createFieldCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('keyedHash', () => {
  it('is stable for the same key and value, and hex SHA-256 sized', () => {
    const hash = cipher.keyedHash('1472015708900001');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(createFieldCipher(Buffer.alloc(32, 7)).keyedHash('1472015708900001')).toBe(hash);
  });

  it('depends on the value and on the key', () => {
    const hash = cipher.keyedHash('1472015708900001');
    expect(cipher.keyedHash('1472015708900002')).not.toBe(hash);
    expect(createFieldCipher(Buffer.alloc(32, 8)).keyedHash('1472015708900001')).not.toBe(hash);
  });

  it('uses a subkey: it is not a plain HMAC under the master key', () => {
    const plain = createHmac('sha256', key).update('1472015708900001').digest('hex');
    expect(cipher.keyedHash('1472015708900001')).not.toBe(plain);
  });
});

describe('master keys', () => {
  it('generates 32 random bytes', () => {
    const a = generateMasterKey();
    expect(a).toHaveLength(32);
    expect(generateMasterKey().equals(a)).toBe(false);
  });

  it('parses base64, base64url and hex of 32 bytes, ignoring surrounding whitespace', () => {
    const k = generateMasterKey();
    expect(parseMasterKey(k.toString('base64')).equals(k)).toBe(true);
    expect(parseMasterKey(`${k.toString('base64url')}\n`).equals(k)).toBe(true);
    expect(parseMasterKey(` ${k.toString('hex').toUpperCase()} `).equals(k)).toBe(true);
  });

  it('refuses other lengths and encodings, naming KHIDMAT_SECRET_KEY', () => {
    for (const text of ['', 'secret', Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('hex'), `${'!'.repeat(43)}=`]) {
      expect(() => parseMasterKey(text)).toThrow(/KHIDMAT_SECRET_KEY/);
    }
  });
});
