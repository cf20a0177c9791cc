/** The package parts around the sheets: workbook, relationships, content types, document properties. */
import type { Workbook } from '../../../core/layout/model';
import { sheetPrefix } from '../../../core/layout/refs';
import { CT_CHART, CT_DRAWING } from './drawing-xml';
import { passwordHash } from './password';
import { esc } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function workbookXml(model: Workbook): string {
  const sheets = model.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const names: string[] = [];
  model.sheets.forEach((s, i) => {
    if (s.autoFilter) {
      const [a, b] = s.autoFilter.split(':').map((r) => r.replace(/([A-Z]+)(\d+)/, '$$$1$$$2'));
      names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(`${sheetPrefix(s.name)}${a}:${b}`)}</definedName>`);
    }
    const area = s.print?.area;
    if (area) {
      const abs = area.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(`${sheetPrefix(s.name)}${abs}`)}</definedName>`);
    }
    const rows = s.print?.repeatRows;
    if (rows) {
      const [a, b] = rows.split(':');
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`${sheetPrefix(s.name)}$${a}:$${b}`)}</definedName>`);
    }
  });
  // Each sheet's prefix escaped once: a thousand indicators' report has 5,000 names, most on one sheet.
  const prefixes = new Map<string, string>();
  for (const n of model.names) {
    let prefix = prefixes.get(n.sheet);
    if (prefix === undefined) prefixes.set(n.sheet, (prefix = esc(sheetPrefix(n.sheet))));
    const digit = n.cell.search(/\d/);
    names.push(`<definedName name="${esc(n.name)}">${prefix}$${n.cell.slice(0, digit)}$${n.cell.slice(digit)}</definedName>`);
  }
  const sp = model.structureProtection;
  let protection = '';
  if (sp) {
    const h = sp.password ? passwordHash(sp.password) : undefined;
    const hash = h ? ` workbookAlgorithmName="${h.algorithm}" workbookHashValue="${h.hash}" workbookSaltValue="${h.salt}" workbookSpinCount="${h.spins}"` : '';
    protection = `<workbookProtection lockStructure="1"${hash}/>`;
  }
  return (
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="164011"/>${protection}` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews>` +
    `<sheets>${sheets}</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`
  );
}

export function workbookRels(model: Workbook): { id: string; type: string; target: string }[] {
  return [
    ...model.sheets.map((_, i) => ({ id: `rId${i + 1}`, type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` })),
    { id: `rId${model.sheets.length + 1}`, type: 'styles', target: 'styles.xml' },
  ];
}

export function contentTypes(model: Workbook, drawings: number, charts: number): string {
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    o('/xl/workbook.xml', `${sml}.sheet.main+xml`) +
    model.sheets.map((_, i) => o(`/xl/worksheets/sheet${i + 1}.xml`, `${sml}.worksheet+xml`)).join('') +
    o('/xl/styles.xml', `${sml}.styles+xml`) +
    Array.from({ length: drawings }, (_, i) => o(`/xl/drawings/drawing${i + 1}.xml`, CT_DRAWING)).join('') +
    Array.from({ length: charts }, (_, i) => o(`/xl/charts/chart${i + 1}.xml`, CT_CHART)).join('') +
    o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    o('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    `</Types>`
  );
}

export function corePropsXml(model: Workbook, now: string): string {
  const p = model.properties;
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(p.title)}</dc:title><dc:subject>${esc(p.subject)}</dc:subject>` +
    `<dc:creator>${esc(p.creator)}</dc:creator><cp:keywords>${esc(p.keywords)}</cp:keywords><dc:description>${esc(p.description)}</dc:description>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  );
}

export const APP_PROPS = `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>plan-report</Application></Properties>`;
