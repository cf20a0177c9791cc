/** A protection password hashed as Excel does (SHA-512, 100,000 spins, random salt), with exceljs's implementation. */
export interface PasswordHash {
  algorithm: 'SHA-512';
  hash: string;
  salt: string;
  spins: number;
}

export function passwordHash(password: string): PasswordHash {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Encryptor = require('exceljs/lib/utils/encryptor') as {
    randomBytes(n: number): Buffer;
    convertPasswordToHash(password: string, algorithm: string, salt: string, spins: number): string;
  };
  const salt = Encryptor.randomBytes(16).toString('base64');
  return { algorithm: 'SHA-512', hash: Encryptor.convertPasswordToHash(password, 'SHA512', salt, 100000), salt, spins: 100000 };
}
