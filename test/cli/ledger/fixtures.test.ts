/**
 * Realistic ledgers, written into test/fixtures/ledgers/ (for trying the
 * command by hand too), each imported and compared field by field with the
 * data it holds, then built into a report.
 */
import * as path from 'node:path';
import { buildReport } from '../../../src/core/layout/build';
import type { ReportData } from '../../../src/core/schema';
import { FIXTURES, importData, removeTemps, tempDir, writeCsv, writeLedger } from '../../support/ledger';
import { quarterly } from '../../support/fixtures';

const fixture = (name: string) => path.join(FIXTURES, name);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

afterAll(removeTemps);

/** The imported data is the expected data, field by field, and makes a report. */
function expectData(data: ReportData, expected: ReportData): void {
  expect(data.report).toEqual(expected.report);
  expect(data.plans?.length).toBe(expected.plans?.length);
  data.plans?.forEach((p, i) => {
    const { measures, ...plan } = p;
    const { measures: want, ...wantPlan } = expected.plans![i];
    expect(plan).toEqual(wantPlan);
    expect(measures.length).toBe(want.length);
    measures.forEach((m, j) => expect(m).toEqual(want[j]));
  });
  expect(data.catalogs).toEqual(expected.catalogs);
  expect(data.indicators).toEqual(expected.indicators);
  expect(data).toEqual(expected);
  const model = buildReport(quarterly, data, data.report.locale ?? 'en', { generator: 'plan-report test', generatedAt: '2026-01-01T00:00:00.000Z' });
  expect(model.sheets.length).toBeGreaterThan(0);
}

const HAIDIAN = '海淀区2022年第三季度生物医药产业重点任务推进台账';

describe('ledgers in the shapes officials keep', () => {
  it('reads title rows, a merged two-row header, group headings, 配合单位 and 长期 (haidian.xlsx)', async () => {
    const file = await writeLedger(fixture('haidian.xlsx'), [
      {
        name: '台账',
        rows: [
          [HAIDIAN],
          ['填报单位：海淀区发展改革委', null, null, null, null, null, '填报日期：2022年10月8日'],
          ['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '完成情况', null, '进展情况', '联系人'],
          [null, null, null, null, null, '状态', '完成时间'],
          ['一、创新策源'],
          [1, '建设新型研发机构', '区科委', '区财政局', '2022年6月', '已完成', d('2022-06-28'), '已挂牌运行', '张三'],
          [2, '引进高层次人才', '区人才局', null, '长期', '推进中', null, '已引进12人', '李四'],
          [3, '建设概念验证中心', '区科委', '中关村管委会', '2022年第四季度', '未启动'],
          ['二、产业促进'],
          [1, '建设生物医药产业园', '区投促中心', null, '2022年底', '滞后', null, '用地手续办理中', '王五'],
          [2, '举办产业对接会', '区商务局', '区科委、区卫健委', '2022/9/30', '已完成，共签约项目8个', '2022年9月28日'],
          ['注：本表由区发展改革委汇总。'],
        ],
        merges: ['A1:I1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:G3', 'H3:H4', 'I3:I4', 'A5:I5', 'A9:I9'],
      },
    ]);
    const { data, result } = await importData(file, '--plan', 'HD-2022');
    expectData(data, {
      format: 'plan-report/v1',
      report: { title: HAIDIAN, region: '海淀区', period: '2022-Q3', locale: 'zh-CN' },
      plans: [
        {
          id: 'HD-2022',
          title: HAIDIAN,
          groups: ['创新策源', '产业促进'],
          measures: [
            {
              id: 'HD-2022-1.1',
              title: '建设新型研发机构',
              group: '创新策源',
              lead: '区科委',
              due: '2022-06-30',
              status: 'completed',
              completed: '2022-06-28',
              note: '已挂牌运行\n配合单位：区财政局',
            },
            { id: 'HD-2022-1.2', title: '引进高层次人才', group: '创新策源', lead: '区人才局', status: 'in-progress', note: '已引进12人\n完成时限：长期' },
            {
              id: 'HD-2022-1.3',
              title: '建设概念验证中心',
              group: '创新策源',
              lead: '区科委',
              due: '2022-12-31',
              status: 'not-started',
              note: '配合单位：中关村管委会',
            },
            {
              id: 'HD-2022-2.1',
              title: '建设生物医药产业园',
              group: '产业促进',
              lead: '区投促中心',
              due: '2022-12-31',
              status: 'delayed',
              note: '用地手续办理中',
            },
            {
              id: 'HD-2022-2.2',
              title: '举办产业对接会',
              group: '产业促进',
              lead: '区商务局',
              due: '2022-09-30',
              status: 'completed',
              completed: '2022-09-28',
              note: '配合单位：区科委、区卫健委\n完成情况/状态：已完成，共签约项目8个',
            },
          ],
        },
      ],
    });
    expect(result.stdout).toContain('measure ids: the id column (序号) starts again in each group: HD-2022-<group>.<number>');
  });

  it('reads a GBK CSV with （一） headings, 编号, 时间节点 and 进度（%） (chaoyang-gbk.csv)', async () => {
    const file = writeCsv(
      fixture('chaoyang-gbk.csv'),
      [
        ['朝阳区生物医药产业发展三年行动计划重点任务台账（2022年上半年）', null, null, null, null, null, null],
        ['编号', '工作任务', '责任单位', '时间节点', '推进情况', '状态', '进度（%）'],
        ['（一）加强基础研究', null, null, null, null, null, null],
        [1, '支持重点实验室建设', '区科委', '2022/6/28', '已完成验收', '完成', 100],
        [2, '建设临床研究平台', '区卫健委', '2022年12月', '正在推进', '进行中', 60],
        ['（二）优化产业生态', null, null, null, null, null, null],
        [3, '设立产业基金', '区财政局', '2022年上半年', '待市级批复', '尚未启动', 0],
        [4, '举办创新大赛', '区科协', '2022年第二季度', '因疫情延期', '延期', null],
        [5, '编制产业地图', '区发改委', '持续推进', null, '取消', null],
      ],
      'gbk',
    );
    const { data } = await importData(file, '--plan', 'CY', '--region', '朝阳区');
    const title = '朝阳区生物医药产业发展三年行动计划重点任务台账（2022年上半年）';
    expectData(data, {
      format: 'plan-report/v1',
      report: { title, region: '朝阳区', period: '2022-H1', locale: 'zh-CN' },
      plans: [
        {
          id: 'CY',
          title,
          groups: ['加强基础研究', '优化产业生态'],
          measures: [
            {
              id: 'CY-1',
              title: '支持重点实验室建设',
              group: '加强基础研究',
              lead: '区科委',
              due: '2022-06-28',
              status: 'completed',
              progress: 1,
              note: '已完成验收',
            },
            {
              id: 'CY-2',
              title: '建设临床研究平台',
              group: '加强基础研究',
              lead: '区卫健委',
              due: '2022-12-31',
              status: 'in-progress',
              progress: 0.6,
              note: '正在推进',
            },
            {
              id: 'CY-3',
              title: '设立产业基金',
              group: '优化产业生态',
              lead: '区财政局',
              due: '2022-06-30',
              status: 'not-started',
              progress: 0,
              note: '待市级批复',
            },
            { id: 'CY-4', title: '举办创新大赛', group: '优化产业生态', lead: '区科协', due: '2022-06-30', status: 'delayed', note: '因疫情延期' },
            { id: 'CY-5', title: '编制产业地图', group: '优化产业生态', lead: '区发改委', status: 'cancelled', note: '时间节点：持续推进' },
          ],
        },
      ],
    });
  });

  it('imports one plan per sheet, passing over a sheet that is no ledger (beijing-plans.xlsx)', async () => {
    const file = await writeLedger(fixture('beijing-plans.xlsx'), [
      { name: '说明', rows: [['本台账按方案分表填报，每个工作表一个方案。'], ['填报人：张三']] },
      {
        name: 'BJ-OPEN',
        rows: [
          ['序号', '分类', '措施', '牵头部门', '完成时限', '状态', '完成日期', '备注'],
          ['BJ-01', '需国家授权事项', '研发用物品进口白名单', '市商务局', '2022-12-31', '已完成', '2022-06-28', '首批名单6月发布'],
          ['BJ-02', '市级事权', '优化临床试验审批', '市药监局', '2022年第三季度', '推进中'],
          ['BJ-03', '需国家授权事项', '开展跨境数据试点', '市网信办', null, '未启动'],
        ],
      },
      {
        name: '创新药械',
        rows: [
          ['北京市加快医药健康协同创新行动计划'],
          ['重点任务', '牵头单位', '完成时限', '完成情况'],
          ['建设研究型病房', '市卫健委', '2022年6月底', '已完成'],
          ['设立医药健康产业基金', '市财政局', '2022年下半年', '推进中'],
        ],
        merges: ['A1:D1'],
      },
    ]);
    const { data, result } = await importData(file, '--region', '北京市', '--period', '2022-Q3', '--title', '北京市生物医药政策落实情况（2022年第三季度）');
    expectData(data, {
      format: 'plan-report/v1',
      report: { title: '北京市生物医药政策落实情况（2022年第三季度）', region: '北京市', period: '2022-Q3', locale: 'zh-CN' },
      plans: [
        {
          id: 'BJ-OPEN',
          title: 'BJ-OPEN',
          groups: ['需国家授权事项', '市级事权'],
          measures: [
            {
              id: 'BJ-01',
              title: '研发用物品进口白名单',
              group: '需国家授权事项',
              lead: '市商务局',
              due: '2022-12-31',
              status: 'completed',
              completed: '2022-06-28',
              note: '首批名单6月发布',
            },
            { id: 'BJ-02', title: '优化临床试验审批', group: '市级事权', lead: '市药监局', due: '2022-09-30', status: 'in-progress' },
            { id: 'BJ-03', title: '开展跨境数据试点', group: '需国家授权事项', lead: '市网信办', status: 'not-started' },
          ],
        },
        {
          id: 'P2',
          title: '北京市加快医药健康协同创新行动计划',
          measures: [
            { id: 'M-1', title: '建设研究型病房', lead: '市卫健委', due: '2022-06-30', status: 'completed' },
            { id: 'M-2', title: '设立医药健康产业基金', lead: '市财政局', due: '2022-12-31', status: 'in-progress' },
          ],
        },
      ],
    });
    expect(result.stdout).toContain('sheets passed over (no header row naming a ledger\'s columns): "说明"');
  });

  it('reads an English ledger, UTF-8 with a BOM (ledger-en.csv)', async () => {
    const file = writeCsv(
      fixture('ledger-en.csv'),
      [
        ['Haidian District biomedical measures, 2022 Q3'],
        ['No.', 'Task', 'Lead department', 'Partners', 'Deadline', 'Status', 'Completed on', 'Progress', 'Remarks'],
        ['I. Innovation sources'],
        [
          1,
          'Set up a new R&D institute',
          'District Science Commission',
          'District Finance Bureau',
          '2022-06-30',
          'Completed',
          '28 June 2022',
          '100%',
          'Opened in June',
        ],
        [2, 'Attract talent', 'District Talent Office', null, 'ongoing', 'In progress', null, '40%', '12 people, so far'],
        ['II. Industry'],
        [3, 'Build an industrial park', 'District Investment Centre', null, 'end of 2022', 'Delayed', null, null, 'Land approval pending; "phase 1" first'],
        [4, 'Hold a matchmaking fair', 'District Commerce Bureau', null, 'Q3 2022', 'cancelled'],
      ],
      'utf8-bom',
    );
    const { data } = await importData(file, '--plan', 'HD-EN', '--region', 'Haidian', '--period', '2022-Q3');
    expectData(data, {
      format: 'plan-report/v1',
      report: { title: 'Haidian District biomedical measures, 2022 Q3', region: 'Haidian', period: '2022-Q3' },
      plans: [
        {
          id: 'HD-EN',
          title: 'Haidian District biomedical measures, 2022 Q3',
          groups: ['Innovation sources', 'Industry'],
          measures: [
            {
              id: 'HD-EN-1',
              title: 'Set up a new R&D institute',
              group: 'Innovation sources',
              lead: 'District Science Commission',
              due: '2022-06-30',
              status: 'completed',
              completed: '2022-06-28',
              progress: 1,
              note: 'Opened in June\nPartners: District Finance Bureau',
            },
            {
              id: 'HD-EN-2',
              title: 'Attract talent',
              group: 'Innovation sources',
              lead: 'District Talent Office',
              status: 'in-progress',
              progress: 0.4,
              note: '12 people, so far\nDeadline: ongoing',
            },
            {
              id: 'HD-EN-3',
              title: 'Build an industrial park',
              group: 'Industry',
              lead: 'District Investment Centre',
              due: '2022-12-31',
              status: 'delayed',
              note: 'Land approval pending; "phase 1" first',
            },
            { id: 'HD-EN-4', title: 'Hold a matchmaking fair', group: 'Industry', lead: 'District Commerce Bureau', due: '2022-09-30', status: 'cancelled' },
          ],
        },
      ],
    });
  });

  it('reads a product catalog (suzhou-catalog.xlsx)', async () => {
    const title = '苏州市创新药械产品目录（第一批）';
    const file = await writeLedger(fixture('suzhou-catalog.xlsx'), [
      {
        name: '目录',
        rows: [
          [title],
          ['序号', '产品名称', '生产企业', '类别', '注册证号', '入选时间', '采购医院数'],
          [1, '信迪利单抗注射液', '信达生物制药（苏州）有限公司', '药品', '国药准字S20180016', '2021年11月', 12],
          [2, '冠脉药物洗脱支架', '苏州某医疗器械有限公司', '医疗器械', '国械注准20213130001', '2021/11/30', '3家'],
          [3, '新冠抗原检测试剂盒', '苏州某诊断有限公司', '体外诊断试剂', null, '2021年11月', 0],
          [4, '一次性使用导管', '苏州某医疗科技有限公司', '耗材'],
        ],
        merges: ['A1:G1'],
      },
    ]);
    const { data } = await importData(file, '--plan', 'SZ-IFH-1', '--region', '苏州市', '--period', '2022-Q3');
    expectData(data, {
      format: 'plan-report/v1',
      report: { title, region: '苏州市', period: '2022-Q3', locale: 'zh-CN' },
      catalogs: [
        {
          id: 'SZ-IFH-1',
          title,
          entries: [
            {
              product: '信迪利单抗注射液',
              enterprise: '信达生物制药（苏州）有限公司',
              category: 'drug',
              registration: '国药准字S20180016',
              listed: '2021-11-30',
              hospitals: 12,
            },
            {
              product: '冠脉药物洗脱支架',
              enterprise: '苏州某医疗器械有限公司',
              category: 'device',
              registration: '国械注准20213130001',
              listed: '2021-11-30',
              hospitals: 3,
            },
            { product: '新冠抗原检测试剂盒', enterprise: '苏州某诊断有限公司', category: 'diagnostic', listed: '2021-11-30', hospitals: 0 },
            { product: '一次性使用导管', enterprise: '苏州某医疗科技有限公司', category: 'consumable' },
          ],
        },
      ],
    });
  });

  it('reads indicators: a column per year, and a row per quarter (suzhou-indicators.xlsx)', async () => {
    const file = await writeLedger(fixture('suzhou-indicators.xlsx'), [
      {
        name: '主要指标',
        rows: [
          ['苏州高新区生物医药产业主要指标'],
          ['序号', '指标名称', '单位', '类型', '2020年基数', '2021年', '2022年', '2025年目标'],
          [1, '产业营收', '亿元', '水平值', 200, 320, 410, 800],
          [2, '新增创新药获批数', '个', '累计值', 0, 3, 5, 20],
        ],
        merges: ['A1:H1'],
      },
      {
        name: '季度数据',
        rows: [
          ['指标名称', '期间', '数值', '同比增速（%）'],
          ['规上企业营收', '2022年第一季度', 120.5, 13.7],
          [null, '2022年第二季度', 130, null],
          [null, '2022年第三季度', null, '8%'],
          ['新增企业数', '2022-Q3', 15],
        ],
      },
    ]);
    const { data } = await importData(file, '--region', '苏州高新区', '--period', '2022-Q3');
    expectData(data, {
      format: 'plan-report/v1',
      report: { title: '苏州高新区生物医药产业主要指标', region: '苏州高新区', period: '2022-Q3', locale: 'zh-CN' },
      indicators: [
        {
          id: 'I-1',
          name: '产业营收',
          unit: '亿元',
          kind: 'level',
          baseline: { period: '2020', value: 200 },
          target: { period: '2025', value: 800 },
          observations: [
            { period: '2021', value: 320 },
            { period: '2022', value: 410 },
          ],
        },
        {
          id: 'I-2',
          name: '新增创新药获批数',
          unit: '个',
          kind: 'cumulative',
          baseline: { period: '2020', value: 0 },
          target: { period: '2025', value: 20 },
          observations: [
            { period: '2021', value: 3 },
            { period: '2022', value: 5 },
          ],
        },
        {
          id: 'I-3',
          name: '规上企业营收',
          observations: [
            { period: '2022-Q1', value: 120.5, growth: 0.137 },
            { period: '2022-Q2', value: 130 },
            { period: '2022-Q3', growth: 0.08 },
          ],
        },
        { id: 'I-4', name: '新增企业数', observations: [{ period: '2022-Q3', value: 15 }] },
      ],
    });
  });

  it('reads shares typed as 30% or in a % column as fractions, and makes their indicator a percentage', async () => {
    const file = writeCsv(
      path.join(tempDir(), 'shares.csv'),
      [
        ['指标名称', '单位', '期间', '数值', '同比增速（%）'],
        ['产值占全国比重', '比重', '2023', '30%', null],
        ['产值占全国比重', '比重', '2024', '３２％', 2],
        ['企业数', '家', '2023', 400, null],
      ],
      'utf8',
    );
    const { data } = await importData(file, '--region', 'R', '--period', '2024-Q4', '--title', 'T');
    expect(data.indicators).toEqual([
      {
        id: 'I-1',
        name: '产值占全国比重',
        unit: '比重',
        format: 'percent',
        observations: [
          { period: '2023', value: 0.3 },
          { period: '2024', value: 0.32, growth: 0.02 },
        ],
      },
      { id: 'I-2', name: '企业数', unit: '家', observations: [{ period: '2023', value: 400 }] },
    ]);
    const column = writeCsv(
      path.join(tempDir(), 'share-column.csv'),
      [
        ['指标名称', '期间', '占比（%）'],
        ['比重', '2023', 30],
      ],
      'utf8',
    );
    const { data: byColumn } = await importData(column, '--region', 'R', '--period', '2024-Q4', '--title', 'T', '--map', '占比（%）=value');
    expect(byColumn.indicators).toEqual([{ id: 'I-1', name: '比重', format: 'percent', observations: [{ period: '2023', value: 0.3 }] }]);
  });
});
