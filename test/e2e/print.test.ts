/**
 * Printing, end to end: every seed with every built-in template, in English
 * and in zh-CN, written, then turned into PDF by LibreOffice (all in one
 * soffice run) and into PNG pages, kept in test-artifacts/print to be looked
 * at. Each PDF has no page without data (a page whose only text is its header
 * and footer), and a complete footer on each page ("Page 3 of 9",
 * "第 3 页，共 9 页"); each workbook's print setup (read from the file) prints
 * no sheet below 80%.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readData } from '../../src/core/data-file/read';
import { buildReport } from '../../src/core/layout/build';
import type { Locale } from '../../src/core/schema';
import { streamWorkbook } from '../../src/cli/xlsx/write/write-stream';
import { convertAllToPdf } from '../support/libreoffice';
import { OPTIONS, ROOT, template } from '../support/fixtures';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'print');
const SEEDS = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.yaml'));
const TEMPLATES = readdirSync(path.join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
const LOCALES: Locale[] = ['en', 'zh-CN'];
/** The header and footer print in the top and bottom margins (0.75 in): words there are not the page's data. */
const MARGIN_PT = 54;

interface Case {
  name: string;
  locale: Locale;
  xlsx: string;
  pdf?: string;
}

const cases: Case[] = [];

beforeAll(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const seed of SEEDS) {
    const data = readData(readFileSync(path.join(ROOT, 'seeds', seed), 'utf8'), seed);
    for (const t of TEMPLATES) {
      for (const locale of LOCALES) {
        const name = `${seed.replace(/\.yaml$/, '')}-${t}-${locale}`;
        const xlsx = path.join(ARTIFACTS, `${name}.xlsx`);
        await streamWorkbook(buildReport(template(t), data, locale, OPTIONS), xlsx);
        cases.push({ name, locale, xlsx });
      }
    }
  }
  const pdfs = await convertAllToPdf(
    cases.map((c) => c.xlsx),
    ARTIFACTS,
    { timeoutMs: 240_000 },
  );
  cases.forEach((c, i) => {
    c.pdf = pdfs[i];
    execFileSync('pdftoppm', ['-png', '-r', '60', c.pdf, path.join(ARTIFACTS, c.name)]);
  });
  process.stdout.write(`print test artifacts (PDF and PNG of each report): ${ARTIFACTS}\n`);
}, 300_000);

interface Word {
  y: number;
  text: string;
}

/** Each page's words with their height on the page, and the page's height. */
function pages(pdf: string): { height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...html.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    height: Number(p[1]),
    words: [...p[2].matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({ y: Number(w[1]), text: w[2] })),
  }));
}

const footerOf = (locale: Locale, page: number, total: number) => (locale === 'zh-CN' ? `第${page}页，共${total}页` : `Page${page}of${total}`);

describe('printed reports', () => {
  it('cover every seed, template and language', () => {
    expect(cases).toHaveLength(SEEDS.length * TEMPLATES.length * LOCALES.length);
    expect(cases.every((c) => c.pdf)).toBe(true);
  });

  it('have no page without data, and a complete footer on every page', () => {
    const problems: string[] = [];
    for (const c of cases) {
      const list = pages(c.pdf!);
      expect(list.length).toBeGreaterThan(0);
      list.forEach((p, i) => {
        const body = p.words.filter((w) => w.y > MARGIN_PT && w.y < p.height - MARGIN_PT);
        if (!body.length) problems.push(`${c.name} page ${i + 1}: no data, only its header and footer`);
        const footer = p.words
          .filter((w) => w.y >= p.height - MARGIN_PT)
          .map((w) => w.text)
          .join('');
        if (!footer.includes(footerOf(c.locale, i + 1, list.length))) problems.push(`${c.name} page ${i + 1}: footer "${footer}"`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('print no sheet below 80%: the print setup read from each file', async () => {
    const problems: string[] = [];
    for (const c of cases) {
      for (const s of await printSetups(c.xlsx)) {
        if (s.scale < 0.8) problems.push(`${c.name} ${s.sheet}: ${Math.round(s.scale * 100)}%`);
      }
    }
    expect(problems).toEqual([]);
  });
});

interface SheetPrint {
  sheet: string;
  scale: number;
}

/**
 * The scale each visible sheet prints at: its pageSetup's `scale`, or, fitted
 * to the page width, the printable width over the width of the columns it
 * prints (Excel's measure: a character of Calibri 11 is 7 pixels, 5.25 pt).
 */
async function printSetups(file: string): Promise<SheetPrint[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const sheets = [...workbook.matchAll(/<sheet name="([^"]+)" sheetId="\d+"( state="[^"]+")? r:id="rId(\d+)"\/>/g)];
  const out: SheetPrint[] = [];
  for (const [index, m] of sheets.entries()) {
    if (m[2]) continue;
    const xml = await zip.file(`xl/worksheets/sheet${m[3]}.xml`)!.async('string');
    const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0];
    if (!setup) continue;
    const attr = (name: string, of: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(of)?.[1];
    const scale = Number(attr('scale', setup) ?? 100) / 100;
    if (!/fitToPage="1"/.test(xml) || attr('fitToWidth', setup) !== '1') {
      out.push({ sheet: m[1], scale });
      continue;
    }
    const margins = /<pageMargins left="([\d.]+)" right="([\d.]+)"/.exec(xml)!;
    const pageWidth = attr('orientation', setup) === 'landscape' ? 841.89 : 595.28;
    const printable = pageWidth - (Number(margins[1]) + Number(margins[2])) * 72;
    const area = new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">[^<]*?\\$([A-Z]+)\\$\\d+:\\$([A-Z]+)\\$\\d+<`).exec(workbook);
    const cols = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"[^>]*\/>/g)];
    const last = area ? columnNumber(area[2]) : Infinity;
    const width = cols
      // A hidden column does not print (a lazy optional group would never see its attribute: test the whole element).
      .filter((c) => !/ hidden="1"/.test(c[0]) && Number(c[1]) <= last)
      .reduce((sum, c) => sum + (Math.min(Number(c[2]), last) - Number(c[1]) + 1) * Number(c[3]) * 5.25, 0);
    out.push({ sheet: m[1], scale: Math.min(scale, width ? printable / width : 1) });
  }
  return out;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
