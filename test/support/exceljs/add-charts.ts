/**
 * Adds the layout model's charts to an .xlsx package written by exceljs: per
 * sheet with charts, a drawing part anchoring them, a chart part each, the
 * relationships from sheet to drawing to charts, and their content types.
 */
import JSZip from 'jszip';
import type { Workbook } from '../../../src/core/layout/model';
import { chartXml } from '../../../src/cli/xlsx/write/chart-xml';
import { CT_CHART, CT_DRAWING, drawingXml, REL, rels } from '../../../src/cli/xlsx/write/drawing-xml';

function attr(xml: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** Sheet name -> the path of its part, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of wbRels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attr(m[0], 'Id')!, attr(m[0], 'Target')!);
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attr(m[0], 'r:id')!)!;
    parts.set(unescapeXml(attr(m[0], 'name')!), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** Elements that come after <drawing> in a worksheet (CT_Worksheet's order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The offset of the first direct child of <worksheet> named in `names`, or of </worksheet>. */
function childOffset(xml: string, names: string[]): number {
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (name.startsWith('?')) continue;
    if (closing) {
      depth--;
      if (depth === 0) return m.index!;
      continue;
    }
    if (depth === 1 && names.includes(name)) return m.index!;
    if (!selfClosing) depth++;
  }
  return xml.length;
}

function insertDrawing(sheetXml: string, relId: string): string {
  const at = childOffset(sheetXml, AFTER_DRAWING);
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
  return xml;
}

/** The package with the model's charts added; unchanged when the model has none. */
export async function addCharts(xlsx: Buffer, model: Workbook): Promise<Buffer> {
  const withCharts = model.sheets.filter((s) => s.charts?.length);
  if (!withCharts.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let chartNo = 0;
  for (const [d, sheet] of withCharts.entries()) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`the package has no part for sheet "${sheet.name}"`);
    const drawing = `xl/drawings/drawing${d + 1}.xml`;
    const charts = sheet.charts!;
    zip.file(drawing, drawingXml(charts));
    const chartRels = charts.map((chart, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(chart));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`);
      return { id: `rId${i + 1}`, type: 'chart', target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(`xl/drawings/_rels/drawing${d + 1}.xml.rels`, rels(chartRels));
    types = types.replace('</Types>', `<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/></Types>`);

    const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : undefined;
    const relId = 'rIdPlanReportDrawing';
    const entry = `<Relationship Id="${relId}" Type="${REL}/drawing" Target="../drawings/drawing${d + 1}.xml"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${entry}</Relationships>`)
        : rels([{ id: relId, type: 'drawing', target: `../drawings/drawing${d + 1}.xml` }]),
    );
    zip.file(part, insertDrawing(await zip.file(part)!.async('string'), relId));
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
