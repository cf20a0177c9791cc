/**
 * The rows under a header: data, group headings (a row with one text only,
 * such as 一、创新策源 or （一）加强基础研究, often merged across the table),
 * and rows to pass over (blank, a repeated header, 合计, notes at the foot
 * such as 注：... or 填报人：...).
 */
import { KEY_FIELD } from './fields';
import type { Header } from './header';
import { rowTexts, type LedgerSheet } from './sheet';

export type RowRead = { type: 'data' } | { type: 'heading'; name: string; level: 1 | 2 } | { type: 'skip'; why: 'blank' | 'footer' | 'total' | 'header' };

const NUMERAL = '一二三四五六七八九十百零〇';
const LEVEL1 = new RegExp(`^(?:第[${NUMERAL}\\d]+[部分章节篇类项]|[${NUMERAL}]+[、.．]|\\d+[、．]|[IVX]+[.、]|part\\s*[\\dIVX]+[.:：]?)\\s*`, 'i');
const LEVEL2 = new RegExp(`^[（(][${NUMERAL}\\d]+[)）][、.．]?\\s*`);
const COUNT = /\s*[（(]?(?:共\s*)?\d+\s*项[)）]?$/;
/** A note at the foot: one of these words, a few more characters (填报人, 注1, 数据来源), then a colon. */
const FOOTER = /^(?:注|备注|说明|填报|制表|审核|审批|联系人|负责人|联系电话|联系方式|附件?|数据来源|来源|note|notes|source|prepared by)[^:：\n]{0,6}[:：]/i;
const TOTAL = /^(?:合计|总计|小计|total|subtotal)$/i;

/** A heading's level: 1 for 一、 第一部分 1、 I. Part 1; 2 for （一） (1); undefined for text with no numbering. */
export function headingLevel(text: string): 1 | 2 | undefined {
  if (LEVEL2.test(text)) return 2;
  if (LEVEL1.test(text)) return 1;
  return undefined;
}

/** A heading's text as a group's name: its numbering and a count of items (（5项）) left out. */
export function groupName(text: string): string {
  const name = text.replace(LEVEL2, '').replace(LEVEL1, '').replace(COUNT, '').trim();
  return name === '' ? text.trim() : name;
}

/** The columns of a header, from first to last. */
function span(header: Header): { left: number; right: number } {
  const cols = header.columns.map((c) => c.col);
  return { left: Math.min(...cols), right: Math.max(...cols) };
}

export function readRow(sheet: LedgerSheet, header: Header, row: number, headerTexts: (string | null)[]): RowRead {
  const { left, right } = span(header);
  const texts = rowTexts(sheet, row).slice(left - 1, right);
  const filled = texts.map((t, i) => ({ t, col: left + i })).filter((x): x is { t: string; col: number } => x.t !== null);
  if (!filled.length) return { type: 'skip', why: 'blank' };
  if (TOTAL.test(filled[0].t.replace(/\s+/g, ''))) return { type: 'skip', why: 'total' };
  if (texts.every((t, i) => t === headerTexts[left - 1 + i])) return { type: 'skip', why: 'header' };
  const distinct = new Set(filled.map((x) => x.t));
  if (distinct.size !== 1) return { type: 'data' };
  const text = filled[0].t;
  if (FOOTER.test(text)) return { type: 'skip', why: 'footer' };
  const key = header.columns.find((c) => c.field === KEY_FIELD[header.kind]);
  const level = headingLevel(text);
  const merged = filled.length > 1;
  const first = filled[0].col === left && key?.col !== left && !/^[\d.]+$/.test(text);
  if (level || merged || first) return { type: 'heading', name: groupName(text), level: level ?? 1 };
  return { type: 'data' };
}
