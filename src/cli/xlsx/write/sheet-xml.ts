/**
 * A worksheet part of the layout model, produced as a sequence of XML chunks
 * so that rows stream into the zip without the sheet ever being whole in
 * memory. Elements follow CT_Worksheet's order.
 */
import { DEFAULT_MARGINS, type ConditionalFormat, type Sheet, type Validation } from '../../../core/layout/model';
import { cellRef, parseCellRef } from '../../../core/layout/refs';
import type { StyleTable } from './styles-xml';
import { passwordHash } from './password';
import { esc } from './xml';
import { rowsXml, type Covered } from './rows-xml';
import type { XmlBytes } from './xml-bytes';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function views(sheet: Sheet, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const f = sheet.freeze;
  if (!f || (!f.rows && !f.columns)) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const top = cellRef(f.rows + 1, f.columns + 1);
  const pane = f.rows && f.columns ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight';
  const split = `${f.columns ? ` xSplit="${f.columns}"` : ''}${f.rows ? ` ySplit="${f.rows}"` : ''}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}><pane${split} topLeftCell="${top}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
  );
}

function conditionalFormats(list: ConditionalFormat[], styles: StyleTable): string {
  return list
    .map((cf, i) => {
      const priority = i + 1;
      if (cf.type === 'expression') {
        return `<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${styles.dxf[cf.style]}" priority="${priority}"><formula>${esc(cf.formula)}</formula></cfRule></conditionalFormatting>`;
      }
      const bound = (kind: 'min' | 'max', v?: number) => (v === undefined ? `<cfvo type="${kind}"/>` : `<cfvo type="num" val="${v}"/>`);
      return (
        `<conditionalFormatting sqref="${cf.range}"><cfRule type="dataBar" priority="${priority}"><dataBar>` +
        `${bound('min', cf.min)}${bound('max', cf.max)}<color rgb="FF${cf.color}"/></dataBar></cfRule></conditionalFormatting>`
      );
    })
    .join('');
}

function validations(list: Validation[]): string {
  if (!list.length) return '';
  const items = list.map((v) => {
    const p = v.prompt;
    const common =
      ` allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop"` +
      ` promptTitle="${esc(p.title)}" prompt="${esc(p.message)}" errorTitle="${esc(p.title)}" error="${esc(p.message)}" sqref="${v.range}"`;
    const r = v.rule;
    switch (r.type) {
      case 'list':
        return `<dataValidation type="list"${common}><formula1>"${esc(r.values.join(','))}"</formula1></dataValidation>`;
      case 'listRange':
        return `<dataValidation type="list"${common}><formula1>${esc(r.source)}</formula1></dataValidation>`;
      case 'date':
        return `<dataValidation type="date" operator="greaterThan"${common}><formula1>1</formula1></dataValidation>`;
      case 'decimal':
      case 'whole':
        return `<dataValidation type="${r.type}" operator="between"${common}><formula1>${r.min ?? -1e300}</formula1><formula2>${r.max ?? 1e300}</formula2></dataValidation>`;
    }
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

/**
 * Sheet protection, as exceljs's writer sets it (the reference writer of the
 * tests, test/support/exceljs): cells can be selected and rows and columns
 * resized; nothing else. A password is hashed as Excel does (password.ts).
 */
function protectionXml(password?: string): string {
  let hash = '';
  if (password) {
    const h = passwordHash(password);
    hash = ` algorithmName="${h.algorithm}" hashValue="${h.hash}" saltValue="${h.salt}" spinCount="${h.spins}"`;
  }
  return `<sheetProtection sheet="1" formatColumns="0" formatRows="0"${hash}/>`;
}

/**
 * The chunks of a worksheet part: its markup around the rows as text, the rows as UTF-8 bytes (rows-xml.ts). `drawing`
 * is the relationship id of its drawing, when it has charts. With `rows`, a whole XmlBytes, the rows are written into
 * it and only the markup around them is yielded (parts.ts, partBytes).
 */
export function* sheetXml(
  sheet: Sheet,
  styles: StyleTable,
  selected: boolean,
  drawing?: string,
  onRows?: (rows: number) => void,
  rows?: XmlBytes,
): Generator<string | Uint8Array> {
  const pr = [sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor}"/>` : '', sheet.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ''].join('');
  const cols = sheet.columns.length
    ? `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`).join('')}</cols>`
    : '';
  yield (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `${pr ? `<sheetPr>${pr}</sheetPr>` : ''}${views(sheet, selected)}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`
  );

  // The cells a merge covers carry its first cell's style, as Excel writes them (borders and fills need it).
  const covered: Covered = new Map();
  for (const m of sheet.merges) {
    const [a, b] = m.split(':').map(parseCellRef);
    const master = sheet.rows[a.row - 1]?.cells[a.col - 1];
    const xf = master?.s ? styles.xf[master.s] : undefined;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++) {
        if (r === a.row && c === a.col) continue;
        if (!covered.has(r)) covered.set(r, new Map());
        covered.get(r)!.set(c, xf);
      }
    }
  }

  yield* rowsXml(sheet, styles, covered, onRows, rows);
  yield '</sheetData>';

  const tail: string[] = [];
  if (sheet.protection) tail.push(protectionXml(sheet.protection.password));
  if (sheet.autoFilter) tail.push(`<autoFilter ref="${sheet.autoFilter}"/>`);
  if (sheet.merges.length) tail.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  tail.push(conditionalFormats(sheet.conditionalFormats, styles), validations(sheet.validations));
  const p = sheet.print;
  const m = p?.margins ?? DEFAULT_MARGINS;
  tail.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  if (p) {
    tail.push(`<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
    tail.push(`<headerFooter><oddHeader>${esc(p.header)}</oddHeader><oddFooter>${esc(p.footer)}</oddFooter></headerFooter>`);
    const breaks = p.rowBreaks ?? [];
    if (breaks.length)
      tail.push(
        `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`,
      );
  }
  if (drawing) tail.push(`<drawing r:id="${drawing}"/>`);
  yield `${tail.join('')}</worksheet>`;
}
