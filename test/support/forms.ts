/** Test support for forms: making, filling and reading forms, running the CLI, writing zips by hand. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { buildForm } from '../../src/core/forms/build-form';
import { selectForm, type FormRequest } from '../../src/core/forms/form';
import { REGISTER_FORMAT, registerFileOf, sealOf, sentForm, type FormRegister } from '../../src/core/forms/register';
import type { Locale, ReportData } from '../../src/core/schema';
import { streamedBytes } from './streamed-bytes';
import { OPTIONS, type Result } from './fixtures';

export const ROOT = path.resolve(__dirname, '../..');

/** The register of the forms formBytes makes (as `plan-report form` keeps one beside the data file). */
const REGISTER: FormRegister = { format: REGISTER_FORMAT, key: '5e'.repeat(32), forms: [] };
let formIds = 0;

/** A form's bytes, as `plan-report form` writes them (the streaming writer), sealed and entered in the tests' register. */
export async function formBytes(data: ReportData, req: FormRequest, locale: Locale = 'en', password?: string): Promise<Buffer> {
  const content = selectForm(data, req, 'data.yaml');
  const seal = { id: (++formIds).toString(16).padStart(32, '0'), seal: (r: Parameters<typeof sealOf>[0]) => sealOf(r, REGISTER.key) };
  const { workbook, record } = buildForm(content, data, locale, { ...OPTIONS, password, seal });
  REGISTER.forms.push(sentForm(record));
  return streamedBytes(workbook);
}

/** Writes the register of every form formBytes made beside a data file, so that \`collect\` takes them. */
export function writeRegister(dataFile: string): void {
  fs.writeFileSync(registerFileOf(dataFile), JSON.stringify(REGISTER));
}

export async function loadBytes(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

/** The form's sheet of a form workbook: the second, after its Instructions. */
export function formSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  return wb.worksheets[1];
}

export async function saveBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const temps: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-forms-'));
  temps.push(dir);
  return dir;
}
export function cleanTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file under a folder (relative paths, sorted): to check that nothing was written, no temp file left. */
export function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** Nothing printed looks like a stack trace or an internal error. */
export function expectNoCrash(r: Result): void {
  expect(`\n${r.stdout}\n${r.stderr}`).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
}

export interface ZipEntry {
  name: string;
  /** The entry's content, deflated here; or `deflated` given as is. */
  data?: Buffer;
  deflated?: Buffer;
  /** Sizes written in the headers (default: the true ones). */
  size?: number;
  crc?: number;
  stored?: boolean;
}

/** A zip package written by hand: local headers, data, central directory, end record. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.stored ? 0 : 8;
    const body = e.deflated ?? (e.stored ? e.data! : zlib.deflateRawSync(e.data!));
    const size = e.size ?? e.data?.length ?? 0;
    const crc = e.crc ?? (e.data ? zlib.crc32(e.data) : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The parts of a minimal .xlsx around one worksheet's XML. */
export function minimalXlsx(sheet: ZipEntry): Buffer {
  const x = (s: string) => Buffer.from(s, 'utf8');
  return zip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="Measures" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
}
