/**
 * The lines `collect` prints about what it found: the table of changes
 * (lined up in a terminal whatever the script: 汉字 take two columns), the
 * conflicts and the changes held back with them, in the user's language.
 * Shares (progress, growth) are shown as percentages, statuses and
 * categories in the words of the report.
 */
import type { ChangeRow, Conflict, HeldBack } from '../../core/forms/collect';
import type { Scalar } from '../../core/forms/form';
import { labelsFor } from '../../core/i18n';
import type { Locale } from '../../core/schema';
import { visible } from '../../core/values';
import { displayWidth, padEnd } from '../display-width';
import type { Voice } from '../voice';

/** The fields whose values are shares, shown as percentages. */
const PERCENT = new Set(['progress', 'growth']);

/** A share as a percentage: 0.6 -> 60%, 0.137 -> 13.7% (to 10 significant digits, so that 0.07 is 7%, not 7.000000000000001%). */
export function percentText(v: number): string {
  return `${Number((v * 100).toPrecision(10))}%`;
}

/** A field's name: as the data file has it in English, as the report's column is titled in Chinese. */
function fieldWords(field: string, locale: Locale): string {
  if (locale !== 'zh-CN') return field;
  if (field === 'entry' || field === '(new entry)') return '新增项';
  const l = labelsFor('zh-CN');
  const titles: Record<string, string> = { ...l.entryFields, ...l.observationFields, ...l.measureFields };
  return titles[field] ?? field;
}

/** An item: `P1 M1`, `SND-REV 2024`; a catalog's `SZ-1 #3` is `SZ-1 第3项` in Chinese. */
function itemWords(item: string, locale: Locale): string {
  if (locale !== 'zh-CN') return item;
  return item.replace(/ \(new entry\)$/, '（新增项）').replace(/ #(\d+)$/, ' 第$1项');
}

/** A value in the table: blank, a number (a share as a percentage), a status or category in the report's words, or text cut on one line. */
function shown(v: Scalar, field: string, locale: Locale): string {
  if (v === null) return locale === 'zh-CN' ? '（空白）' : '(blank)';
  if (typeof v === 'number') return PERCENT.has(field) ? percentText(v) : String(v);
  if (locale === 'zh-CN' && field === 'status') return labelsFor('zh-CN').statuses[v as keyof Labels['statuses']] ?? v;
  if (locale === 'zh-CN' && field === 'category') return labelsFor('zh-CN').categories[v as keyof Labels['categories']] ?? v;
  // eslint-disable-next-line no-control-regex
  const one = v.replace(/\r\n|\r|\n/g, '\u21b5').replace(/[\u0000-\u001f]/g, '?');
  const chars = Array.from(one);
  return chars.length > 40 ? `${chars.slice(0, 37).join('')}...` : one;
}

type Labels = ReturnType<typeof labelsFor>;

/** A value quoted in a sentence: `"completed"`, `0.5`, `blank`; `“已完成”`, `50%`, `空白`. */
function quoted(v: Scalar, field: string, locale: Locale): string {
  if (v === null) return locale === 'zh-CN' ? '空白' : 'blank';
  if (typeof v === 'number') return PERCENT.has(field) ? percentText(v) : String(v);
  if (locale !== 'zh-CN') return visible(JSON.stringify(v));
  return `“${visible(shown(v, field, locale))}”`;
}

const HEAD: Record<Locale, string[]> = {
  en: ['item', 'field', 'old', 'new', 'from'],
  'zh-CN': ['事项', '字段', '原值', '新值', '来源'],
};

/** The table of changes: item, field, old, new, and where the new value came from; columns lined up by display width. */
export function changeTable(rows: ChangeRow[], locale: Locale = 'en'): string[] {
  const head = HEAD[locale];
  const body = rows.map((r) => [
    itemWords(r.item, locale),
    fieldWords(r.field, locale),
    shown(r.old, r.field, locale),
    shown(r.new, r.field, locale),
    r.sources.map((s) => `${s.file} ${s.cell}`).join(locale === 'zh-CN' ? '、' : ', '),
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[i]))));
  return [head, ...body].map((cells) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]))).join('  ')}`.trimEnd());
}

export function conflictLine(c: Conflict, voice: Voice): string {
  const L = voice.locale;
  if (L !== 'zh-CN') {
    const claims = c.claims.map((x) => `${quoted(x.value, c.field, L)} (${x.source.file} ${x.source.cell})`);
    return `conflict: ${c.item} ${c.field}: ${claims.join(' vs ')}; neither applied`;
  }
  const claims = c.claims.map((x) => `${quoted(x.value, c.field, L)}（${x.source.file} ${x.source.cell}）`);
  return `冲突：${itemWords(c.item, L)} ${fieldWords(c.field, L)}：${claims.join(' 与 ')}；均未采用`;
}

export function heldBackLine(h: HeldBack, voice: Voice): string {
  const L = voice.locale;
  if (L !== 'zh-CN')
    return `held back: ${h.item} ${h.field}: ${quoted(h.value, h.field, L)} (${h.source.file} ${h.source.cell}); its return conflicts with another on ${h.item}, so none of its changes to ${h.item} is applied`;
  const item = itemWords(h.item, L);
  return `暂不采用：${item} ${fieldWords(h.field, L)}：${quoted(h.value, h.field, L)}（${h.source.file} ${h.source.cell}）；该表单与另一份表单在 ${item} 上有冲突，故其对 ${item} 的修改均不采用`;
}
