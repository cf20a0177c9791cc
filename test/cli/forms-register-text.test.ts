/**
 * The register's text is written from its forms' texts, each made when the form is entered (registerParts,
 * sentFormText): byte for byte what JSON.stringify(register, null, 1) wrote before, whatever the rows hold, with
 * forms read from an earlier run's file and forms dropped for earlier periods.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { registerFileOf, registerParts, type FormRegister, type SentForm } from '../../src/core/forms/register';
import type { FormRecord } from '../../src/core/record/form-record';
import { withRegister } from '../../src/cli/forms-register';
import { cleanTemps, tempDir } from '../support/forms';

afterAll(cleanTemps);

/** Text with line breaks, quotes, backslashes, control characters, Chinese, astral and lone surrogates. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('\n', '\r', '"', '\\', '\u0000', '\u2028', '年', '😀', '\ud800', ' ', 'a') }),
);
/** What a row's cell holds in a register read back from its file: text, a finite number, or null. */
const cell = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
const period = fc.constantFrom('2024-Q2', '2024-Q3', '2024-Q4', '2023', '2024-07', 'not a period');
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });

/** A record as a form makes it (what the register keeps of it: sentForm). */
const record: fc.Arbitrary<FormRecord> = fc
  .record({
    id: hex(32),
    generated: fc.constant('2024-10-01T08:00:00.000Z'),
    kind: fc.constantFrom('measures', 'indicators', 'catalog'),
    region: text,
    period,
    lead: fc.option(text, { nil: undefined }),
    plan: fc.option(text, { nil: undefined }),
    sheet: text,
    fields: fc.array(text, { maxLength: 4 }),
    headerRow: fc.nat(20),
    rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }),
    newRows: fc.nat(9),
    digest: hex(64),
  })
  .map((r) => r as unknown as FormRecord);

describe('registerParts', () => {
  it('is JSON.stringify(register, null, 1), byte for byte', () => {
    const entry = fc.record({ id: hex(32), period, rows: fc.array(fc.array(fc.oneof(cell, fc.constant(Number.NaN), fc.constant(-0)))), file: text });
    fc.assert(
      fc.property(fc.record({ format: text, key: hex(64), forms: fc.array(entry, { maxLength: 6 }) }), (r) => {
        const register = r as unknown as FormRegister;
        expect(registerParts(register).join('')).toBe(JSON.stringify(register, null, 1));
      }),
      { numRuns: 300 },
    );
  });

  it("is JSON.stringify(register, null, 1) when another key holds a list like forms (a later version's)", () => {
    const register = { format: 'f', key: 'k', later: [0], forms: [{ id: 'a', period: '2024-Q3', rows: [[0]] }], after: [[0], 0] };
    const text = JSON.stringify(register, null, 1);
    expect(registerParts(register as unknown as FormRegister).join('')).toBe(text);
  });
});

describe('the register form saves', () => {
  it('is what JSON.stringify(register, null, 1) wrote: forms added to those read from the file, earlier periods dropped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 4 }), fc.array(record, { minLength: 1, maxLength: 4 }), period, async (before, now, current) => {
        const dir = tempDir();
        const data = path.join(dir, 'data.yaml');
        fs.writeFileSync(data, 'format: plan-report/v1\n');
        const run = (records: FormRecord[], drop?: string) =>
          withRegister(data, async (register) => {
            for (const [i, r] of records.entries()) register.add(r, path.join(dir, `form ${i}"\n.xlsx`));
            const dropped = drop === undefined ? 0 : register.dropBefore(drop);
            await register.save();
            return { register: register.register, dropped };
          });
        await run(before);
        const { register } = await run(now, current);
        expect(fs.readFileSync(registerFileOf(data), 'utf8')).toBe(`${JSON.stringify(register, null, 1)}\n`);
        expect(register.forms.slice(-now.length).map((f: SentForm) => f.id)).toEqual(now.map((r) => r.id));
      }),
      { numRuns: 40 },
    );
  });
});
