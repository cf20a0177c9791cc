/**
 * Adds the layout model's charts to an .xlsx package written by exceljs: per
 * sheet with charts, a drawing part anchoring them, a chart part each, the
 * relationships from sheet to drawing to charts, and their content types.
 */
import JSZip from 'jszip';
import type { Chart, Workbook } from '../../../core/layout/model';
import { chartXml, escapeXml } from './chart-xml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

function anchor(chart: Chart, i: number): string {
  const cell = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${cell('from', chart.from)}${cell('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function drawingXml(charts: Chart[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${charts.map(anchor).join('')}</xdr:wsDr>`
  );
}

function rels(items: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${escapeXml(r.target)}"/>`).join('') +
    `</Relationships>`
  );
}

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
    zip.file(relsPath, existing ? existing.replace('</Relationships>', `${entry}</Relationships>`) : rels([{ id: relId, type: 'drawing', target: `../drawings/drawing${d + 1}.xml` }]));
    zip.file(part, insertDrawing(await zip.file(part)!.async('string'), relId));
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
