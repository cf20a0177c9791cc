/**
 * The core's own sentences in the pane: a problem of a data file or a
 * template file (YAML or JSON: its syntax, the schema, the rules) said in
 * the pane's language by the core (`Located.zh`, or the Chinese registered
 * for a fixed English sentence: core/messages/said.ts), and placed by line
 * and column in words (`第3行第7列`, `Line 3, column 7`) with the key's name,
 * never by its data path, which stays in the details (the item's tooltip).
 */
import { formatLocated, type Located } from '../../core/errors';
import { pathWordsZh } from '../../core/messages/place';
import { inLocale } from '../../core/messages/said';
import type { UiLocale } from './i18n';
import { dataCheckText } from './problem-text';

/** A problem as the pane lists it. */
export interface PaneLine {
  where?: string;
  text: string;
  /** The problem with its file, place and data path: the item's tooltip. */
  details?: string;
}

/** The core's sentence in the pane's language, when the core says it in that language. */
export function coreSaid(m: { message: string; zh?: string }, ui: UiLocale): string | undefined {
  if (ui === 'en') return m.message;
  const zh = inLocale(m, 'zh-CN');
  return zh !== m.message ? zh : undefined;
}

/** A YAML or JSON syntax error the core has no Chinese for: what kind of file is wrong, and what to look at there (the parser's English stays in the details). */
function syntaxZh(message: string): string | undefined {
  const syntax = /^invalid (YAML|JSON):/.exec(message)?.[1];
  if (!syntax) return undefined;
  return `${syntax} 格式有误：此处无法读取；请检查${syntax === 'YAML' ? '缩进、冒号、引号和括号' : '引号、逗号、冒号和括号'}`;
}

/** A data file's problem in the pane's language: the core's Chinese, else the pane's wording of a data check, else (a syntax error) the pane's own. */
function messageOf(p: Located, ui: UiLocale): string {
  if (ui === 'en') return p.message;
  return coreSaid(p, ui) ?? dataCheckText(p.message, ui) ?? syntaxZh(p.message) ?? p.message;
}

/** `第3行第7列` / `Line 3, column 7`. */
export function lineColumn(line: number, column: number | undefined, ui: UiLocale): string {
  return ui === 'en' ? `Line ${line}, column ${column ?? 1}` : `第${line}行第${column ?? 1}列`;
}

/** The key a data path ends at, as the file's reader sees it: `period` (`report.period`); in Chinese, in words: “期间”, 第2项措施. */
function keyWords(path: string | undefined, ui: UiLocale): string | undefined {
  const last = /(?:^|\.)([^.]+)$/.exec(path ?? '')?.[1];
  if (!last) return undefined;
  if (ui === 'zh-CN') {
    // Said in the words of the whole path (a key's words depend on the list it is in: a measure's title is 措施), then
    // only its last part, which pathWordsZh puts after its one 的 (no field's words hold 的).
    const full = pathWordsZh(path!);
    return full.slice(full.lastIndexOf('的') + 1);
  }
  return /\[\d+\]$/.test(last) ? undefined : last;
}

/** The problems of a data file or template file (or a previous report chosen), as the pane lists them. */
export function fileProblemLines(problems: Located[], ui: UiLocale): PaneLine[] {
  return problems.map((p) => {
    const message = messageOf(p, ui);
    // Placed by line and column, the key's name tells which value; without a line (rare), the path in words.
    const key = p.line !== undefined ? keyWords(p.path, ui) : p.path && ui === 'zh-CN' ? pathWordsZh(p.path) : p.path;
    return {
      where: p.line !== undefined ? lineColumn(p.line, p.column, ui) : p.cell,
      text: key ? `${key}${ui === 'en' ? ': ' : '：'}${message}` : message,
      details: formatLocated(p, { locale: ui, verbose: true }),
    };
  });
}
