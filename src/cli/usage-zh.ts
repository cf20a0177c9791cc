/**
 * The command-line parser's (commander's) usage errors in Chinese, for a
 * user whose messages are Chinese: `error: unknown option '--lcoale'` is
 * 错误：无法识别的选项“--lcoale”. A line it does not know is left as it is.
 */
const SAID: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (o) => `错误：无法识别的选项“${o}”`],
  [/^error: unknown command '(.*)'$/, (c) => `错误：无法识别的命令“${c}”`],
  [/^error: missing required argument '(.*)'$/, (a) => `错误：缺少必需的参数“${a}”`],
  [/^error: option '(.*)' argument missing$/, (o) => `错误：选项“${o}”缺少值`],
  [/^error: required option '(.*)' not specified$/, (o) => `错误：必须给出选项“${o}”`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (o, v, c) => `错误：选项“${o}”的值“${v}”无效；可选值为：${c.split(', ').join('、')}`,
  ],
  [/^error: option '(.*)' argument '(.*)' is invalid\.(.*)$/, (o, v) => `错误：选项“${o}”的值“${v}”无效`],
  [/^error: too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/, (e, g) => `错误：参数过多，应为 ${e} 个，实际给出 ${g} 个`],
  [/^error: (.*) cannot be used with (.*)$/, (a, b) => `错误：${a} 不能与 ${b} 同时使用`],
  [/^\(Did you mean one of (.*)\?\)$/, (s) => `（是否想输入以下之一：${s.split(', ').join('、')}？）`],
  [/^\(Did you mean (.*)\?\)$/, (s) => `（是否想输入 ${s}？）`],
  [/^\(add --help for usage\)$/, () => '（加 --help 查看用法）'],
];

/** A usage error's lines in Chinese, each line it knows translated. */
export function usageZh(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [re, zh] of SAID) {
        const m = re.exec(line);
        if (m) return zh(...m.slice(1));
      }
      return line;
    })
    .join('\n');
}
