/**
 * A zod issue, and the value it is about, said in Chinese: a registered
 * sentence (messages/said.ts) by its English, else by the issue's kind, so
 * that no check of a data file or template is said in English to a user who
 * reads Chinese.
 */
import type { z } from 'zod';
import { registeredZh } from '../messages/said';
import { visible } from '../values/text';

/** The first `units` UTF-16 units of `text`, one fewer where the cut would split a character in two. */
export function wholeCharacters(text: string, units: number): string {
  const code = text.charCodeAt(units - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? units - 1 : units);
}

/** A value as a Chinese sentence names it after 现为: “已完成”, ` 5` (a number set off by a space), 一个列表. */
export function showZh(v: unknown): string {
  if (v === undefined) return '空缺';
  if (v === null) return '空值';
  if (Array.isArray(v)) return '一个列表';
  if (typeof v === 'object') return '一组“键: 值”';
  if (typeof v === 'string') return `“${visible(v.length > 60 ? `${wholeCharacters(v, 57)}…` : v)}”`;
  return ` ${String(v)}`;
}

const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '一组“键: 值”',
};

/** How much of what: `个字符` of text, `项` of a list. */
function unitOf(origin: string): string {
  return origin === 'string' ? ' 个字符' : origin === 'array' ? ' 项' : '';
}

/** The issue's sentence in Chinese: the registered one, else one made from the issue's kind and bounds. */
export function issueZh(issue: z.core.$ZodIssue): string {
  const known = registeredZh(issue.message);
  if (known) return known;
  switch (issue.code) {
    case 'too_small':
      return `应不少于 ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case 'too_big':
      return `应不超过 ${String(issue.maximum)}${unitOf(issue.origin)}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v) => String(v)).join('、')}`;
    case 'invalid_type':
      return `应为${TYPES[issue.expected] ?? '其他类型的值'}`;
    default:
      return '不符合要求';
  }
}
