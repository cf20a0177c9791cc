/**
 * What is wrong with a YAML or JSON text's syntax, in both languages: the
 * JSON reader's error codes, and the YAML package's messages (English only,
 * said in Chinese here by their code and wording).
 */
import { said, type Said } from '../messages/said';

/** jsonc-parser's error codes, as sentences. */
export const JSON_ERRORS: Record<string, Said> = {
  InvalidSymbol: said('unexpected character; expected a value, a key in double quotes, or punctuation', '出现了意外的字符；此处应为值、带双引号的键或标点'),
  InvalidNumberFormat: said('expected a number', '应为数字'),
  PropertyNameExpected: said('expected a key in double quotes', '应为带双引号的键'),
  ValueExpected: said('expected a value', '此处缺少值'),
  ColonExpected: said('expected ":" after the key', '键之后应有冒号“:”'),
  CommaExpected: said('expected "," between items', '各项之间应有逗号“,”'),
  CloseBraceExpected: said('expected "}" to close the mapping', '缺少收尾的“}”'),
  CloseBracketExpected: said('expected "]" to close the list', '缺少收尾的“]”'),
  EndOfFileExpected: said('expected the end of the file after the top-level value', '最外层的内容结束后应为文件末尾'),
  InvalidCommentToken: said('comments are not allowed in JSON', 'JSON 文件中不能写注释'),
  UnexpectedEndOfComment: said('comments are not allowed in JSON', 'JSON 文件中不能写注释'),
  UnexpectedEndOfString: said('expected the closing double quote of a string', '文字缺少收尾的双引号'),
  UnexpectedEndOfNumber: said('expected a digit', '此处应为数字'),
  InvalidUnicode: said('expected four hex digits after \\u', '\\u 之后应为四位十六进制数字'),
  InvalidEscapeCharacter: said('invalid escape in a string', '文字中的转义写法（反斜杠 \\ 之后）无效'),
  InvalidCharacter: said('invalid character in a string (control characters must be escaped)', '文字中有无效字符（控制字符须转义）'),
};

/** `invalid JSON: …` of a code (the code itself when it is not known). */
export function invalidJson(code: string): Said {
  const s = JSON_ERRORS[code];
  return { message: `invalid JSON: ${s?.message ?? code}`, zh: `JSON 格式有误：${s?.zh ?? '无法读取此处'}` };
}

/** The YAML package's sentences (by their beginning), most specific first; then its error codes. */
const YAML_SENTENCES: [RegExp, string][] = [
  [/^Map keys must be unique/, '同一组内的键重复；每个键在一组内应只出现一次'],
  [/^Tabs are not allowed as indentation/, '用了制表符（Tab）缩进；请改用空格缩进'],
  [/^All sequence items must start at the same column/, '列表各项（以“- ”开头）应从同一列开始；请检查缩进'],
  [/^Implicit map keys need to be followed by map values/, '键之后缺少冒号和值；应写作“键: 值”'],
  [/^Implicit keys (of flow sequence pairs )?need to be on a single line/, '键应写在一行内（可能缺少冒号，或缩进有误）'],
  [/^Nested mappings are not allowed in compact mappings/, '一行中出现了两个“键: 值”；值中含有“: ”时请给值加引号'],
  [/^Missing closing .?quote/, '引号没有收尾：从此处开始的引号缺少对应的结束引号'],
  [/^Comments must be separated/, '注释符号 # 之前应有空格'],
  [/^Plain value cannot start with/, '值不能以此符号开头；请给值加上引号'],
  [/^Missing space after :/, '冒号之后缺少空格'],
  [/^Missing ,/, '括号中的各项之间缺少逗号'],
  [/^Unresolved tag/, '无法识别的标记（以 ! 开头）；数据文件中不应使用标记'],
  [/^Invalid escape sequence/, '双引号中的转义写法（反斜杠 \\ 之后）无效；不需要转义时请改用单引号'],
  [/^Source contains multiple documents/, '文件中有多个 YAML 文档（以 --- 分隔）；应只有一个'],
];

const YAML_CODES: Record<string, string> = {
  BAD_INDENT: '缩进有误；同一层的键和列表项应对齐',
  TAB_AS_INDENT: '用了制表符（Tab）缩进；请改用空格缩进',
  DUPLICATE_KEY: '同一组内的键重复；每个键在一组内应只出现一次',
  BAD_ALIAS: '锚点（&）或别名（*）写法有误',
  ALIAS_PROPS: '锚点（&）或别名（*）写法有误',
  MULTIPLE_ANCHORS: '锚点（&）或别名（*）写法有误',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档（以 --- 分隔）；应只有一个',
  KEY_OVER_1024_CHARS: '键过长（超过 1024 个字符）',
  MISSING_CHAR: '此处缺少符号；请检查冒号、引号和括号',
};

/** A YAML syntax error in Chinese, from the package's code and English sentence. */
export function yamlErrorZh(code: string, message: string): string {
  const known = YAML_SENTENCES.find(([re]) => re.test(message))?.[1] ?? YAML_CODES[code];
  return `YAML 格式有误：${known ?? '此处无法读取；请检查缩进、冒号、引号和括号'}`;
}

export const TOO_DEEP = (max: number): Said => ({
  message: `nested too deeply; expected a data file's mappings and lists, nested at most ${max} deep`,
  zh: `嵌套过深；数据文件的各层内容应不超过 ${max} 层`,
});
