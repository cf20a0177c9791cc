/**
 * styles.xml for the report's named styles: one cell format (xf) per named
 * style, and one differential format (dxf) per style used by conditional
 * formats. The default font is Calibri 11, as Excel's.
 */
import { STYLES, type Style, type StyleName } from '../../../core/layout/styles';
import { esc } from './xml';

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const NAMES = Object.keys(STYLES) as StyleName[];

export interface StyleTable {
  xml: string;
  /** The xf index of a named style. */
  xf: Record<StyleName, number>;
  /** The xf index of a named style on a cell left editable on a protected sheet; `default` for a cell without a style. */
  unlocked: Record<StyleName | 'default', number>;
  /** The dxf index of a named style, for conditional formats. */
  dxf: Record<StyleName, number>;
}

function fontXml(f: Style['font'] = {}, forDxf = false): string {
  const parts = [f.bold ? '<b/>' : '', f.italic ? '<i/>' : ''];
  if (!forDxf) parts.push(`<sz val="${f.size ?? 11}"/>`);
  if (f.color) parts.push(`<color rgb="FF${f.color}"/>`);
  else if (!forDxf) parts.push('<color theme="1"/>');
  if (!forDxf) parts.push('<name val="Calibri"/><family val="2"/><scheme val="minor"/>');
  return `<font>${parts.join('')}</font>`;
}

function borderXml(b?: Style['border']): string {
  const side = (name: string, style?: string) => (style ? `<${name} style="${style}"><color rgb="FF${b!.color}"/></${name}>` : `<${name}/>`);
  return `<border>${side('left')}${side('right')}${side('top', b?.top)}${side('bottom', b?.bottom)}<diagonal/></border>`;
}

let table: StyleTable | undefined;

/** The styles part and its indexes: the same for every workbook, so made once a process (`form --all` writes a thousand). */
export function stylesXml(): StyleTable {
  return (table ??= makeStyles());
}

function makeStyles(): StyleTable {
  const numFmts: string[] = [];
  const numFmtId = (code?: string) => {
    if (!code) return 0;
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    let i = numFmts.indexOf(code);
    if (i === -1) i = numFmts.push(code) - 1;
    return 164 + i;
  };
  const fonts = [fontXml()];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const borders = [borderXml()];
  const intern = (list: string[], xml: string) => {
    const i = list.indexOf(xml);
    return i === -1 ? list.push(xml) - 1 : i;
  };
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const xf = {} as Record<StyleName, number>;
  const unlocked = {} as Record<StyleName | 'default', number>;
  for (const name of NAMES) {
    const s: Style = STYLES[name];
    const font = s.font ? intern(fonts, fontXml(s.font)) : 0;
    const fill = s.fill ? intern(fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const border = s.border ? intern(borders, borderXml(s.border)) : 0;
    const fmt = numFmtId(s.numFmt);
    const a = s.align;
    const align = a
      ? `<alignment${a.h ? ` horizontal="${a.h}"` : ''}${a.v ? ` vertical="${a.v === 'middle' ? 'center' : a.v}"` : ''}${a.wrap ? ' wrapText="1"' : ''}${a.indent ? ` indent="${a.indent}"` : ''}/>`
      : '';
    const applies = `${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    xf[name] = xfs.push(`<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}>${align}</xf>`) - 1;
    unlocked[name] =
      xfs.push(
        `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies} applyProtection="1">${align}<protection locked="0"/></xf>`,
      ) - 1;
  }
  unlocked.default = xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>') - 1;
  const dxfs: string[] = [];
  const dxf = {} as Record<StyleName, number>;
  for (const name of NAMES) {
    const s: Style = STYLES[name];
    const fill = s.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="FF${s.fill}"/></patternFill></fill>` : '';
    // A conditional format may change the number format too (an Observations row's value, by its indicator's format).
    const numFmt = s.numFmt ? `<numFmt numFmtId="${numFmtId(s.numFmt)}" formatCode="${esc(s.numFmt)}"/>` : '';
    dxf[name] = dxfs.push(`<dxf>${s.font ? fontXml(s.font, true) : ''}${numFmt}${fill}</dxf>`) - 1;
  }
  const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (numFmts.length
      ? list(
          'numFmts',
          numFmts.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(c)}"/>`),
        )
      : '') +
    list('fonts', fonts) +
    list('fills', fills) +
    list('borders', borders) +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    list('cellXfs', xfs) +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    list('dxfs', dxfs) +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';
  return { xml, xf, unlocked, dxf };
}
