/**
 * A protection password hashed as Excel does (SHA-512, 100,000 spins, a
 * random salt): the salt and the password (UTF-16LE) hashed, then the hash
 * hashed again with each spin's number (4 bytes, little-endian).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface PasswordHash {
  algorithm: 'SHA-512';
  hash: string;
  salt: string;
  spins: number;
}

const SPINS = 100_000;

/** `salt` (base64) is random unless given. */
export function passwordHash(password: string, salt = randomBytes(16).toString('base64')): PasswordHash {
  let hash = createHash('sha512').update(Buffer.from(salt, 'base64')).update(Buffer.from(password, 'utf16le')).digest();
  const spin = Buffer.alloc(4);
  for (let i = 0; i < SPINS; i++) {
    spin.writeUInt32LE(i, 0);
    hash = createHash('sha512').update(hash).update(spin).digest();
  }
  return { algorithm: 'SHA-512', hash: hash.toString('base64'), salt, spins: SPINS };
}
