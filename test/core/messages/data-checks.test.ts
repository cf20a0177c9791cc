/**
 * Every sentence registered for the data file, templates and the commands'
 * own refusals (messages/said.ts) has Chinese that a reader of Chinese can
 * read whole: no English sentence, no data path.
 */
import '../../../src/core/schema';
import '../../../src/core/template';
import '../../../src/core/data-file/syntax-messages';
import '../../../src/cli/data-file/input';
import '../../../src/cli/write-atomic';
import '../../../src/cli/commands/extract';
import '../../../src/cli/commands/template';
import { readData } from '../../../src/core/data-file/read';
import { InputError } from '../../../src/core/errors';
import { DATA_CHECKS } from '../../../src/core/messages/data-checks';
import { pathWordsZh } from '../../../src/core/messages/place';
import { registeredSentences } from '../../../src/core/messages/said';
import { MAX_TEXT, FIRST_DATE } from '../../../src/core/schema';
import { dataPath, englishRun } from '../../support/zh-text';

describe('registered sentences', () => {
  const all = [...registeredSentences()];

  it('are many (the schema, the template schema, the syntax errors, the inputs)', () => {
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all)('%s has Chinese with no English sentence and no data path', (en, zh) => {
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(englishRun(zh)).toBeUndefined();
    expect(dataPath(zh)).toBeUndefined();
  });

  it('say the schema’s limits as the schema has them', () => {
    expect(DATA_CHECKS.textTooLong.zh).toContain(String(MAX_TEXT));
    expect(DATA_CHECKS.firstDate.message).toContain(FIRST_DATE);
  });
});

describe('a data file’s problems in Chinese', () => {
  const problems = (text: string) => {
    try {
      readData(text, 'a.yaml');
    } catch (err) {
      return (err as InputError).problems;
    }
    throw new Error('expected the data to be refused');
  };

  it('says the value found and what to write instead (现为“已完成”；请写作 completed)', () => {
    const [p] = problems(
      'format: plan-report/v1\nreport: {title: t, region: r, period: 2022-Q3}\nplans:\n  - {id: P, title: p, measures: [{id: M, title: m, status: 已完成}]}\n',
    );
    expect(p.message).toBe('expected one of not-started | in-progress | completed | delayed | cancelled, got "已完成"; write completed instead');
    expect(p.zh).toBe(
      '现为“已完成”，应为以下之一：not-started（未启动）、in-progress（推进中）、completed（已完成）、delayed（滞后）、cancelled（已取消）；请写作 completed',
    );
  });

  it('names a missing key, an unknown key and a duplicate id in Chinese', () => {
    const ps = problems(
      'format: plan-report/v1\nreport: {title: t, region: r, colour: red}\nplans:\n  - {id: P, title: p, measures: []}\n  - {id: p, title: q, measures: []}\n',
    );
    const zh = ps.map((p) => p.zh);
    expect(zh).toContain('无法识别的键“colour”；应为以下之一：title、region、period、date、locale');
    expect(zh).toContain('缺少必填的键“period”；应为期间，如 2024、2024-H1、2024-Q3 或 2024-07');
    expect(zh).toContain('方案编号“p”重复：第1个方案已使用“P”（编号不区分大小写）；编号应各不相同');
  });

  it('says YAML and JSON syntax errors in Chinese', () => {
    expect(problems('format: "plan-report/v1\nreport: x\n')[0].zh).toBe('YAML 格式有误：引号没有收尾：从此处开始的引号缺少对应的结束引号');
    expect(problems('a: 1\na: 2\n')[0].zh).toBe('YAML 格式有误：同一组内的键重复；每个键在一组内应只出现一次');
    const json = (() => {
      try {
        readData('{"format": "plan-report/v1",, }', 'a.json');
      } catch (err) {
        return (err as InputError).problems[0];
      }
    })();
    expect(json?.zh).toMatch(/^JSON 格式有误：/);
  });
});

describe('a data path in Chinese words', () => {
  it('says a key as the column of its list titles it, and a template’s keys in its own words', () => {
    expect(pathWordsZh('plans[0].title')).toBe('第1个方案的“标题”');
    expect(pathWordsZh('plans[0].measures[1].title')).toBe('第1个方案第2项措施的“措施”');
    expect(pathWordsZh('indicators[0].format')).toBe('第1个指标的“数值格式”');
    expect(pathWordsZh('format')).toBe('“格式”');
    expect(pathWordsZh('(top level)')).toBe('文件最外层');
    expect(pathWordsZh('sections[1].columns[2]')).toBe('第2个工作表的第3列');
    expect(pathWordsZh('sections[1].title')).toBe('第2个工作表的“标题”');
    expect(pathWordsZh('name')).toBe('“模板名称”');
  });
});
