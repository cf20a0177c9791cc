/** Protection passwords are hashed exactly as exceljs (and Excel) hash them. */
import { passwordHash } from '../../../../src/cli/xlsx/write/password';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Encryptor = require('exceljs/lib/utils/encryptor') as {
  convertPasswordToHash(password: string, algorithm: string, salt: string, spins: number): string;
};

describe('passwordHash', () => {
  it('gives the hash exceljs gives for the same salt', () => {
    for (const [password, salt] of [
      ['secret', 'AAECAwQFBgcICQoLDA0ODw=='],
      ['密码 🧬 with spaces', 'q83vASNFZ4mrze8BI0VniQ=='],
      ['', '/////////////////////w=='],
    ]) {
      const h = passwordHash(password, salt);
      expect(h).toEqual({ algorithm: 'SHA-512', hash: Encryptor.convertPasswordToHash(password, 'SHA512', salt, 100000), salt, spins: 100000 });
    }
  });

  it('draws a new 16-byte salt each time', () => {
    const a = passwordHash('pw');
    const b = passwordHash('pw');
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});
