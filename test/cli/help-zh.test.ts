/**
 * `--help` of the program and of every command, in Chinese (`--locale
 * zh-CN`, or LANG zh_CN) and in English: every command, argument and option
 * has its Chinese; the Chinese help holds no English sentence nor commander's
 * English words, keeps the option flags and fits 80 columns; English help
 * is commander's.
 */
import type { Command } from 'commander';
import { displayWidth } from '../../src/cli/display-width';
import { wrapZh } from '../../src/cli/help-chinese';
import { COMMANDS_ZH } from '../../src/cli/help-zh';
import { program } from '../../src/cli/main';
import { cli } from '../support/fixtures';
import { englishRun } from '../support/zh-text';

const quiet = { out: () => undefined, err: () => undefined };
const english = program(quiet, () => undefined);
const COMMANDS = english.commands.map((c) => c.name());
/** Each command's words on the command line: none for the program itself. */
const EVERY: string[][] = [[], ...COMMANDS.map((c) => [c])];

/** An option's long flag, or its short one. */
const flag = (o: { long?: string; short?: string }): string => o.long ?? o.short ?? '';

/**
 * A line of help as a sentence: of an example's command line only its
 * comment (after #), elsewhere the command's name (`plan-report generate`)
 * and options with their value (`--kind catalog`) taken out.
 */
function words(line: string): string {
  if (/^\s*(LANG=\S+ )?plan-report\b/.test(line)) return line.split('#')[1] ?? '';
  return line.replace(/plan-report(?: [a-z]+)?/g, '').replace(/(^|\s)--?[a-z][\w-]*(?:[ =][\w./*-]+)?/g, '$1');
}

/** `plan-report ARGV...` with LANG set to `lang` (and LC_ALL, LC_MESSAGES unset). */
async function withLang(lang: string, ...argv: string[]) {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  process.env.LANG = lang;
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  try {
    return await cli(...argv);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The help `command` prints in English, as commander builds it. */
const subcommand = (argv: string[]): Command => (argv.length ? english.commands.find((c) => c.name() === argv[0])! : english);

describe('every command has its help in Chinese', () => {
  it.each(COMMANDS)('%s: its description, arguments and options', (name) => {
    const cmd = subcommand([name]);
    const zh = COMMANDS_ZH[name];
    expect(zh?.description).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(zh.arguments).sort()).toEqual(cmd.registeredArguments.map((a) => a.name()).sort());
    expect(Object.keys(zh.options).sort()).toEqual(cmd.options.map(flag).sort());
    for (const text of [...Object.values(zh.arguments), ...Object.values(zh.options), zh.after ?? '']) {
      for (const line of text.split('\n')) expect({ line, english: englishRun(words(line)) }).toEqual({ line, english: undefined });
    }
  });

  it('has no Chinese for a command that is not there', () => {
    expect(Object.keys(COMMANDS_ZH).sort()).toEqual([...COMMANDS].sort());
  });
});

describe('--help in Chinese', () => {
  it.each(EVERY.flatMap((argv) => [[argv, 'locale'] as const, [argv, 'LANG'] as const]))('%j by %s', async (argv, how) => {
    const r = how === 'locale' ? await cli(...argv, '--help', '--locale', 'zh-CN') : await withLang('zh_CN.UTF-8', ...argv, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：plan-report/);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Arguments:|Commands:|Examples:|display help|output the version|choices:|default:|\[options\]/);
    const [body] = r.stdout.split('\n示例：');
    for (const line of r.stdout.split('\n')) expect({ line, english: englishRun(words(line)) }).toEqual({ line, english: undefined });
    for (const line of body.split('\n')) expect({ line, width: Math.min(displayWidth(line), 80) }).toEqual({ line, width: displayWidth(line) });
    // The option flags stay as they are.
    for (const o of subcommand(argv).options) expect(r.stdout).toContain(o.flags);
    expect(r.stdout).toContain('-h, --help');
    if (argv.length) expect(r.stdout).toContain(COMMANDS_ZH[argv[0]].description);
  });

  it('`help COMMAND` and no command at all are in Chinese too', async () => {
    const help = await withLang('zh_CN.UTF-8', 'help', 'collect');
    expect(help.stdout).toContain(COMMANDS_ZH.collect.description);
    const none = await withLang('zh_CN.UTF-8');
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('命令：');
    expect(none.stdout).toContain('help [命令]');
  });
});

describe('--help in English', () => {
  it.each(EVERY.flatMap((argv) => [[argv, 'locale'] as const, [argv, 'LANG'] as const]))('%j by %s is as commander writes it', async (argv, how) => {
    const r = how === 'locale' ? await withLang('zh_CN.UTF-8', ...argv, '--help', '--locale', 'en') : await withLang('en_US.UTF-8', ...argv, '--help');
    expect(r.code).toBe(0);
    const cmd = subcommand(argv);
    // What commander prints for the English program, with the examples after it.
    expect(r.stdout.startsWith(cmd.helpInformation().trimEnd())).toBe(true);
    expect(r.stdout).toMatch(/^Usage: plan-report/);
    expect(r.stdout).toContain('display help for command');
    if (argv.length) expect(r.stdout).toContain('\nExamples:\n');
    expect(r.stdout).not.toMatch(/用法|选项|示例/);
  });
});

describe('wrapZh', () => {
  it('breaks between Chinese characters, never inside a path or before a comma', () => {
    const text = '要写入的工作簿（仅限一个数据文件）；默认：out/<地区>-<报告期>.xlsx，其余照旧';
    const lines = wrapZh(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.join('')).toBe(text);
    expect(lines.some((l) => l.includes('out/<地区>-<报告期>.xlsx'))).toBe(true);
    expect(lines.some((l) => l.startsWith('，'))).toBe(false);
  });
});
