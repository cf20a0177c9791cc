/**
 * `--help` in Chinese: puts help-zh.ts's words on the program and each of
 * its commands, and has commander's own words (Usage:, Options:, choices,
 * default) said in Chinese, Chinese descriptions wrapped by display width.
 * English help is left as commander writes it.
 */
import { Help, type Command, type Option } from 'commander';
import type { EventEmitter } from 'node:events';
import { displayWidth } from './display-width';
import { COMMANDS_ZH, HELP_COMMAND_ZH, HELP_OPTION_ZH, PROGRAM_ZH, TITLES_ZH, VERSION_OPTION_ZH, type CommandHelpZh } from './help-zh';

/**
 * A piece of text that a line may not be broken inside: a run of ASCII (with
 * the Chinese words inside it, as in out/<地区>.xlsx) or one wide character,
 * with the punctuation kept beside it.
 */
const PIECE = /\s*[（“「]*(?:[!-~]+(?:[^\s!-~，。、；：（）“”]+[!-~]+)*|[^\s!-~])[，。、；：）”」！？…]*/gu;

/** `[options]` and `[command]` of a usage or a command's term in Chinese. */
const usageZh = (usage: string): string => usage.replace('[options]', '[选项]').replace('[command]', '[命令]');

/** `text` wrapped to `width` columns, breaking between Chinese characters as well as at spaces. */
export function wrapZh(text: string, width: number): string {
  return text
    .split('\n')
    .map((raw) => {
      const lines: string[] = [];
      let line = '';
      for (const piece of raw.match(PIECE) ?? []) {
        if (line && displayWidth(line + piece) > width) {
          lines.push(line);
          line = piece.trimStart();
        } else line += piece;
      }
      return [...lines, line].join('\n');
    })
    .join('\n');
}

/** An option's description with its choices and default in Chinese. */
function optionDescriptionZh(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`可选：${option.argChoices.map((c) => JSON.stringify(c)).join('、')}`);
  const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && showDefault) extra.push(`默认：${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  return extra.length > 0 ? `${option.description}（${extra.join('；')}）` : option.description;
}

/** Commander's help, its words in Chinese. */
const HELP_ZH: Partial<Help> = {
  styleTitle: (title: string) => TITLES_ZH[title] ?? title,
  // 用法：plan-report …, with no space after the full-width colon.
  formatHelp(this: Help, cmd: Command, helper: Help): string {
    return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^用法： /, '用法：');
  },
  commandUsage: (cmd: Command) => usageZh(Help.prototype.commandUsage.call(new Help(), cmd)),
  subcommandTerm: (cmd: Command) => usageZh(Help.prototype.subcommandTerm.call(new Help(), cmd)),
  optionDescription: optionDescriptionZh,
  displayWidth,
  // Chinese descriptions have no spaces to keep them short: wrapped even beside the long terms of the command list.
  minWidthToWrap: 20,
  boxWrap: (text: string, width: number) => (width < 20 ? text : wrapZh(text, width)),
};

/** The Chinese help of `cmd`, or an error naming what has none. */
function words(cmd: Command): CommandHelpZh {
  const zh = cmd.parent ? COMMANDS_ZH[cmd.name()] : PROGRAM_ZH;
  if (!zh) throw new Error(`no Chinese help for the command ${cmd.name()}`);
  return zh;
}

/** Says `cmd`'s help in Chinese: its description, arguments, options and examples. */
function sayInChinese(cmd: Command): void {
  const zh = words(cmd);
  cmd.description(zh.description);
  for (const arg of cmd.registeredArguments) {
    const d = zh.arguments[arg.name()];
    if (!d) throw new Error(`no Chinese help for the argument ${arg.name()} of ${cmd.name()}`);
    arg.description = d;
  }
  for (const option of cmd.options) {
    const d = option.long === '--version' ? VERSION_OPTION_ZH : zh.options[option.long ?? ''];
    if (!d) throw new Error(`no Chinese help for the option ${option.flags} of ${cmd.name()}`);
    option.description = d;
  }
  if (zh.after) {
    // The English examples' listener (commander's Command is an EventEmitter; its typings do not say so).
    (cmd as unknown as EventEmitter).removeAllListeners('afterHelp');
    cmd.addHelpText('after', zh.after);
  }
  cmd.helpOption('-h, --help', HELP_OPTION_ZH);
  cmd.configureHelp(HELP_ZH);
}

/** Turns the help of `program` and of each of its commands into Chinese. */
export function helpInChinese(program: Command): void {
  sayInChinese(program);
  program.helpCommand('help [command]', HELP_COMMAND_ZH);
  for (const cmd of program.commands) sayInChinese(cmd);
}
