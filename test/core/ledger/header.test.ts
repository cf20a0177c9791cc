/** How a ledger's columns and rows are read: synonyms, two-row headers, headings, blank statuses, --map. */
import { parseMap } from '../../../src/core/ledger/columns';
import { importLedger, type ImportOptions } from '../../../src/core/ledger/import';
import { rowsSheet, ledgerSheet } from '../../../src/core/ledger/sheet';
import { summaryLines } from '../../../src/core/ledger/summary';
import { gridSheet, type GridValue } from '../../../src/core/read/grid';
import type { Measure } from '../../../src/core/schema';

const REPORT = { region: 'R', period: '2022-Q3', title: 'T' };

function read(rows: GridValue[][], opts: ImportOptions = {}) {
  return importLedger([ledgerSheet(gridSheet('台账', rows))], { ...REPORT, ...opts });
}
const fields = (rows: GridValue[][], opts: ImportOptions = {}) => read(rows, opts).sheets[0].header.columns.map((c) => c.field ?? `(${c.why})`);
const measures = (rows: GridValue[][], opts: ImportOptions = {}): Measure[] => {
  const r = read(rows, opts);
  expect(r.problems).toEqual([]);
  return r.data.plans![0].measures;
};

describe('column titles', () => {
  it('reads the usual Chinese titles, with line breaks, brackets and extra words', () => {
    expect(
      fields([
        ['序号', '重点任务', '牵头单位\n（盖章）', '配合单位', '完成时限', '完成情况', '2022年三季度进展情况', '联系人'],
        [1, 'a', 'b', null, null, '推进中'],
      ]),
    ).toEqual(['id', 'title', 'lead', 'note', 'due', 'status', 'note', '(unknown)']);
    expect(fields([['编号', '工作内容', '责任部门', '时间节点', '状态', '推进情况', '分类', '进度（%）']])).toEqual([
      'id',
      'title',
      'lead',
      'due',
      'status',
      'note',
      'group',
      'progress',
    ]);
  });

  it('reads English titles', () => {
    expect(fields([['No.', 'Task', 'Lead department', 'Partners', 'Deadline', 'Status', 'Completed on', 'Progress', 'Remarks']])).toEqual([
      'id',
      'title',
      'lead',
      'note',
      'due',
      'status',
      'completed',
      'progress',
      'note',
    ]);
  });

  it('reads 完成时间 as the due date alone, as the completion date beside 完成时限; 完成情况 as the status alone, as a note beside 状态', () => {
    expect(fields([['任务', '完成时间', '完成情况']])).toEqual(['title', 'due', 'status']);
    expect(fields([['任务', '完成时限', '完成时间', '状态', '完成情况']])).toEqual(['title', 'due', 'completed', 'status', 'note']);
  });

  it('reads a two-row header whose merged title is kept in its first cell only (a CSV file)', () => {
    const r = importLedger(
      [
        rowsSheet('ledger', [
          ['序号', '任务', '完成情况', ''],
          ['', '', '状态', '完成时间'],
          ['1', '甲', '已完成', '2022年6月28日'],
        ]),
      ],
      REPORT,
    );
    expect(r.sheets[0].header.columns.map((c) => [c.title, c.field])).toEqual([
      ['序号', 'id'],
      ['任务', 'title'],
      ['完成情况/状态', 'status'],
      ['完成情况/完成时间', 'completed'],
    ]);
    expect(r.data.plans![0].measures).toEqual([{ id: 'ledger-1', title: '甲', status: 'completed', completed: '2022-06-28' }]);
  });

  it('takes --map by title or by letter, and leaves a column out with -', () => {
    const rows = [
      ['工作举措', '责任处室', '配合处室', '情况'],
      ['甲', '一处', '二处', '推进中'],
    ];
    const map = parseMap('工作举措=title，责任处室=牵头部门; D=status, 配合处室=-').entries;
    expect(fields(rows, { map })).toEqual(['title', 'lead', '(ignored)', 'status']);
    expect(parseMap('a=b,c').bad).toEqual(['c']);
  });
});

describe('rows', () => {
  it('reads heading rows as groups (two levels joined), passes over totals, notes at the foot and a repeated header', () => {
    const header = ['序号', '任务', '状态'];
    expect(
      measures([
        header,
        ['一、创新策源（2项）'],
        ['（一）基础研究', '（一）基础研究', '（一）基础研究'],
        [1, '甲', '推进中'],
        ['（二）临床研究'],
        [2, '乙', '推进中'],
        header,
        ['二、产业促进'],
        [3, '丙', '未启动'],
        ['合计', null, '3项'],
        ['注：本表每季度更新。'],
        ['填报人：张三', '填报人：张三', '填报人：张三'],
        ['Prepared by: Li Si'],
      ]).map((m) => [m.id, m.group]),
    ).toEqual([
      ['P1-1', '创新策源 / 基础研究'],
      ['P1-2', '创新策源 / 临床研究'],
      ['P1-3', '产业促进'],
    ]);
  });

  it('reads a row with only its task, in a table without 序号, as a measure', () => {
    expect(
      measures([
        ['任务', '状态', '备注'],
        ['甲', null, null],
      ]),
    ).toEqual([{ id: 'M-1', title: '甲', status: 'not-started' }]);
  });

  it('gives a blank status from the completion date and the progress, and keeps a status remark in the note', () => {
    expect(
      measures([
        ['任务', '状态', '完成日期', '进度'],
        ['甲', null, '2022-06-28', null],
        ['乙', null, null, '100%'],
        ['丙', null, null, '30%'],
        ['丁', null, null, null],
        ['戊', '已完成，第一批名单已发布', null, null],
      ]).map((m) => [m.title, m.status, m.note]),
    ).toEqual([
      ['甲', 'completed', undefined],
      ['乙', 'completed', undefined],
      ['丙', 'in-progress', undefined],
      ['丁', 'not-started', undefined],
      ['戊', 'completed', '状态：已完成，第一批名单已发布'],
    ]);
  });

  it('says how it read each column and what it made of the rows (--dry-run), in both languages', () => {
    const r = read([['海淀区2022年第三季度台账'], ['序号', '任务', '状态', '联系人'], ['一、甲组'], [1, '甲', null, '张三']], {
      region: undefined,
      period: undefined,
      title: undefined,
    });
    expect(summaryLines(r, 'l.xlsx', 'en', true)).toEqual([
      'l.xlsx, sheet "台账": a plan of measures (header in row 2; data in rows 3-4)',
      '  A  序号    -> id (1 cell)',
      '  B  任务    -> title (1 cell)',
      '  C  状态    -> status (0 cells)',
      '  D  联系人  -> not imported: a title not known (1 cell; name its field with --map "联系人=FIELD")',
      '  plan P1 "海淀区2022年第三季度台账": 1 measure in 1 group: 甲组 (1)',
      "  plan id P1 from the sheet's place (name it with --plan)",
      "  measure ids: the id column's (序号) numbers, prefixed with the plan id (P1-1, P1-2...)",
      '  blank status read as: not-started 1 (completed when a completion date or 100% is given, in-progress when some progress is, else not-started)',
      '  1 heading row read as groups',
      'report: title "海淀区2022年第三季度台账" (from the title row), region 海淀区 (from the title row), period 2022-Q3 (from the title row), labels in Chinese (report.locale zh-CN)',
    ]);
    expect(summaryLines(r, 'l.xlsx', 'zh-CN', true)).toEqual([
      'l.xlsx 工作表“台账”：措施台账（表头在第2行；数据在第3-4行）',
      '  A  序号    → 编号（id）（1格）',
      '  B  任务    → 任务（title）（1格）',
      '  C  状态    → 完成情况（status）（0格）',
      '  D  联系人  → 不导入：无法识别的列名（1格；可用 --map "联系人=字段" 指定）',
      '  方案 P1“海淀区2022年第三季度台账”：1项措施，分1组：甲组（1项）',
      '  方案编号 P1 按工作表顺序生成（可用 --plan 指定）',
      '  措施编号：序号前加方案编号（P1-1、P1-2……）',
      '  完成情况为空的按以下处理：未启动1项（填有完成日期或进度为100%的视为已完成，有进度的视为推进中，其余视为未启动）',
      '  1行分组标题',
      '报告：标题“海淀区2022年第三季度台账”（取自标题行），地区 海淀区（取自标题行），报告期 2022-Q3（取自标题行），报表标签使用中文（report.locale: zh-CN）',
    ]);
  });

  it('tells the kind of ledger by its columns, or as asked', () => {
    expect(read([['产品名称', '企业名称', '类别']]).sheets[0].header.kind).toBe('catalog');
    expect(read([['指标名称', '单位', '2021年']]).sheets[0].header.kind).toBe('indicators');
    expect(read([['名称', '类型', '单位']], { kind: 'indicators' }).sheets[0].header.kind).toBe('indicators');
  });
});
