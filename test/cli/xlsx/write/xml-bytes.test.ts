/**
 * Long texts (a form's record: its rows as one JSON text) are encoded by TextEncoder, shorter ones by XmlBytes's own
 * loop: both write the bytes Buffer.from writes, lone surrogates as U+FFFD, and text() escapes as esc() does.
 */
import fc from 'fast-check';
import { XmlBytes } from '../../../../src/cli/xlsx/write/xml-bytes';
import { esc } from '../../../../src/cli/xlsx/write/xml';

const units = fc.constantFrom(...Array.from('ab _x0041_&<>"\'\n\r\t\u0001\u00e9\u4e2d\ufffe\ud83e\udde0\ud800\udc00 '));
/** Texts on both sides of the length where the native encoding begins (256), with surrogates, specials and controls. */
const texts = fc.array(fc.oneof(fc.string({ unit: 'binary', minLength: 200, maxLength: 1200 }), fc.string({ unit: units, minLength: 250, maxLength: 600 })), {
  maxLength: 6,
});

test('long texts are written as Buffer.from writes their UTF-8, across chunks', () => {
  fc.assert(
    fc.property(texts, (list) => {
      const out = new XmlBytes(64);
      for (const t of list) out.utf8(t);
      expect(Buffer.concat(out.take(true)).equals(Buffer.from(list.join(''), 'utf8'))).toBe(true);
    }),
  );
});

test('long texts are escaped as esc() escapes them', () => {
  fc.assert(
    fc.property(texts, (list) => {
      const out = new XmlBytes(64);
      for (const t of list) out.text(t);
      expect(Buffer.concat(out.take(true)).equals(Buffer.from(list.map(esc).join(''), 'utf8'))).toBe(true);
    }),
  );
});

test('a whole XmlBytes holds what the chunked one takes, in one buffer grown as needed, and begins again', () => {
  const pieces = fc.array(fc.oneof(fc.string({ unit: units, maxLength: 600 }), fc.uint8Array({ maxLength: 300 })), { maxLength: 12 });
  const out = new XmlBytes(16, true);
  fc.assert(
    fc.property(pieces, (list) => {
      const chunked = new XmlBytes(64);
      out.reset();
      for (const p of list) {
        for (const o of [chunked, out]) {
          if (typeof p === 'string') o.text(p);
          else o.bytes(p);
        }
        expect(out.take()).toEqual([]);
      }
      expect(Buffer.from(out.written()).equals(Buffer.concat(chunked.take(true)))).toBe(true);
    }),
  );
});

test("long texts that need no OOXML escape (a record's JSON) get XML's entities as esc() writes them", () => {
  const plain = fc.constantFrom(...Array.from('ab _&<>"\'\n\t\u00e9\u4e2d\ufffd\ud83e\udde0 '));
  fc.assert(
    fc.property(fc.array(fc.string({ unit: plain, minLength: 256, maxLength: 3000 }), { minLength: 1, maxLength: 4 }), (list) => {
      const out = new XmlBytes(64);
      for (const t of list) out.text(t);
      expect(Buffer.concat(out.take(true)).equals(Buffer.from(list.map(esc).join(''), 'utf8'))).toBe(true);
    }),
  );
});
