/**
 * Synthetic data sets for the benchmark, as `plan-report/v1` JSON files.
 * Deterministic (a seeded PRNG per data set) and streamed to disk a chunk at
 * a time, so that a 1,000,000-measure file (about 400 MB) never exists as one
 * string.
 *
 * The text is meant to look like the real thing: measure titles and notes of
 * the length officials write, a quarter of the plans in Chinese, lead
 * departments that recur across plans, a catalog whose enterprises each list
 * a few products (a long tail of one-product firms, a few with hundreds), and
 * indicators observed every quarter for ten years.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Prng } from './prng';

export const REPORT_PERIOD = '2025-Q3';
export const REPORT_DATE = '2025-09-30';
/** Bump when the generators change, so that cached validation stamps are redone. */
export const GENERATOR_VERSION = 1;

export interface Generated {
  file: string;
  bytes: number;
  sha256: string;
  /** Data rows the report's data sheets hold (measures, entries or observations). */
  rows: number;
}

/** Writes text to a file in large chunks, hashing it as it goes. */
class ChunkWriter {
  private fd: number;
  private parts: string[] = [];
  private pending = 0;
  private hash = createHash('sha256');
  bytes = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending > 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.hash.update(buf);
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
  }

  close(): { bytes: number; sha256: string } {
    this.flush();
    fs.closeSync(this.fd);
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

// ---------------------------------------------------------------- dates

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const REPORT_DAY = dayOf(REPORT_DATE);

// ---------------------------------------------------------------- vocabulary

const DISTRICTS_EN = [
  'Municipal',
  'Haidian District',
  'Chaoyang District',
  'Daxing District',
  'Changping District',
  'Shunyi District',
  'Tongzhou District',
  'Fengtai District',
  'Pudong New Area',
  'Minhang District',
  'Jiading District',
  'Suzhou Industrial Park',
  'Kunshan',
  'Taizhou Medical City',
  'Jiangbei New Area',
  'Hangzhou Binjiang District',
  'Wuxi Xinwu District',
  'Changzhou Wujin District',
];
const DISTRICTS_ZH = [
  '市',
  '海淀区',
  '朝阳区',
  '大兴区',
  '昌平区',
  '顺义区',
  '通州区',
  '丰台区',
  '浦东新区',
  '闵行区',
  '嘉定区',
  '苏州工业园区',
  '昆山市',
  '泰州医药城',
  '江北新区',
  '杭州滨江区',
  '无锡新吴区',
  '常州武进区',
];
const BUREAUS_EN = [
  'Commerce Bureau',
  'Science and Technology Commission',
  'Health Commission',
  'Medical Products Administration',
  'Development and Reform Commission',
  'Healthcare Security Bureau',
  'Economy and Information Technology Bureau',
  'Human Resources and Social Security Bureau',
  'Finance Bureau',
  'Customs Office',
  'Market Regulation Administration',
  'Investment Promotion Center',
  'Planning and Natural Resources Commission',
  'Ecology and Environment Bureau',
  'Intellectual Property Office',
  'Taxation Bureau',
  'Education Commission',
  'Housing and Urban-Rural Development Commission',
  'Local Financial Supervision Bureau',
  'Statistics Bureau',
];
const BUREAUS_ZH = [
  '商务局',
  '科学技术委员会',
  '卫生健康委员会',
  '药品监督管理局',
  '发展和改革委员会',
  '医疗保障局',
  '经济和信息化局',
  '人力资源和社会保障局',
  '财政局',
  '海关',
  '市场监督管理局',
  '投资促进中心',
  '规划和自然资源委员会',
  '生态环境局',
  '知识产权局',
  '税务局',
  '教育委员会',
  '住房和城乡建设委员会',
  '地方金融监督管理局',
  '统计局',
];

const GROUPS_EN = [
  'Innovation and R&D',
  'Clinical trials',
  'Registration and approval',
  'Market access and procurement',
  'Manufacturing',
  'Talent',
  'Finance and investment',
  'Opening up',
  'Industrial parks and land',
  'Data and digital health',
  'Requires national authorization',
  'Municipal powers',
];
const GROUPS_ZH = [
  '创新研发',
  '临床试验',
  '注册审批',
  '准入与采购',
  '生产制造',
  '人才引进',
  '金融支持',
  '对外开放',
  '园区与用地',
  '数据与数字健康',
  '需国家授权',
  '市级权限',
];

const VERBS_EN = [
  'Establish',
  'Build',
  'Expand',
  'Support',
  'Set up',
  'Pilot',
  'Promote',
  'Streamline',
  'Strengthen',
  'Introduce',
  'Extend',
  'Accelerate',
  'Improve',
  'Launch',
];
const OBJECTS_EN = [
  'a fast track for the registration of innovative medical devices',
  'the white list for importing R&D articles',
  'a shared platform for clinical trial data',
  'the procurement of innovative drugs by public hospitals',
  'bonded R&D with cross-border biological materials',
  'a talent apartment scheme for research staff',
  'a special fund for early-stage biotech companies',
  'the GMP inspection window for new production lines',
  'priority review for Class III medical devices',
  'a contract development and manufacturing (CDMO) base',
  'the medical insurance listing of innovative products',
  'a one-stop service for foreign-invested pharmaceutical firms',
  'a biobank and specimen-sharing network',
  'an AI-assisted diagnostic pilot in tertiary hospitals',
  'export certification services for medical consumables',
  'the marketing authorization holder system for devices',
  'rare-disease drug imports through the Boao pilot zone',
  'cross-regional mutual recognition of clinical trial ethics reviews',
];
const QUALIFIERS_EN = [
  'in the district',
  'across the municipality',
  'in the free trade zone',
  'by the end of 2025',
  'for small and medium enterprises',
  'with the national administration',
  'in the Yangtze River Delta',
  'in the biomedicine park',
  '',
];
const VERBS_ZH = ['建立', '完善', '推进', '支持', '设立', '试点', '优化', '加快', '扩大', '落实', '探索', '深化'];
const OBJECTS_ZH = [
  '创新医疗器械注册快速通道',
  '研发用物品进口白名单制度',
  '临床试验数据共享平台',
  '创新药进医院采购机制',
  '生物材料跨境保税研发',
  '科研人才公寓保障',
  '早期生物技术企业专项基金',
  '新建产线GMP检查窗口',
  '第三类医疗器械优先审评',
  '合同研发生产（CDMO）基地',
  '创新产品医保挂网',
  '外资医药企业一站式服务',
  '生物样本库共享网络',
  '三级医院人工智能辅助诊断试点',
  '医用耗材出口认证服务',
  '医疗器械注册人制度',
  '临床试验伦理审查区域互认',
];
const QUALIFIERS_ZH = ['在全市范围内', '在自贸试验区', '于2025年底前', '面向中小企业', '会同国家药监局', '在长三角区域', '在生物医药产业园', ''];

const NOTES_EN: ((p: Prng) => string)[] = [
  (p) => `First batch of ${p.int(3, 40)} enterprises approved on the white list on ${p.int(1, 28)} ${p.pick(['March', 'June', 'July', 'August'])}.`,
  (p) => `Awaiting national authorization; the draft was submitted in ${p.pick(['January', 'March', 'May'])} and revised after consultation.`,
  (p) => `Funding of CNY ${p.int(5, 200)} million allocated; ${p.int(2, 30)} projects supported so far.`,
  (p) => `Platform online since ${p.pick(['April', 'June', 'September'])}; ${p.int(50, 900)} trials registered and ${p.int(5, 80)} sites connected.`,
  () => 'Delayed by the revision of the provincial regulation; a new timetable is being agreed with the lead department.',
  () => 'Joint inspection with the provincial administration completed; the findings were shared with the enterprises concerned.',
  (p) => `Pilot extended to ${p.int(2, 9)} more hospitals after the mid-term review.`,
  () => 'Second round of applications opens next quarter.',
  (p) => `${p.int(2, 15)} enterprises attended the briefing; ${p.int(1, 9)} have applied.`,
];
const NOTES_ZH: ((p: Prng) => string)[] = [
  (p) => `首批${p.int(3, 40)}家企业已于${p.int(3, 9)}月纳入白名单。`,
  () => '已提交国家部委审批，正在根据反馈意见修改完善。',
  (p) => `已安排专项资金${p.int(500, 20000)}万元，累计支持项目${p.int(2, 30)}个。`,
  (p) => `平台已于${p.int(3, 9)}月上线，登记临床试验${p.int(50, 900)}项，接入机构${p.int(5, 80)}家。`,
  () => '因省级条例修订而延期，牵头部门正在重新制定时间表。',
  () => '已与省药监局完成联合检查，检查结果已反馈相关企业。',
  (p) => `中期评估后试点扩大至${p.int(2, 9)}家医院。`,
  () => '第二批申报将于下季度启动。',
];

const STATUS_PAST = { completed: 70, delayed: 15, 'in-progress': 10, cancelled: 5 } as const;
const STATUS_FUTURE = { completed: 25, 'in-progress': 50, 'not-started': 20, cancelled: 5 } as const;

// ---------------------------------------------------------------- measures

interface MeasureOptions {
  /** Lead departments to draw from; by default the districts' bureaus. */
  leads?: (p: Prng, index: number) => string;
}

function leadPools(): { en: string[]; zh: string[] } {
  return {
    en: DISTRICTS_EN.flatMap((d) => BUREAUS_EN.map((b) => `${d} ${b}`)),
    zh: DISTRICTS_ZH.flatMap((d) => BUREAUS_ZH.map((b) => `${d}${b}`)),
  };
}

function measure(p: Prng, id: string, zh: boolean, group: string, lead: string): Record<string, unknown> {
  const title = zh
    ? `${p.pick(QUALIFIERS_ZH)}${p.pick(VERBS_ZH)}${p.pick(OBJECTS_ZH)}`
    : `${p.pick(VERBS_EN)} ${p.pick(OBJECTS_EN)} ${p.pick(QUALIFIERS_EN)}`.trim();
  const due = p.int(dayOf('2023-01-01'), dayOf('2026-12-31'));
  const status = due < REPORT_DAY ? p.weighted(STATUS_PAST) : p.weighted(STATUS_FUTURE);
  const m: Record<string, unknown> = { id, title, group, lead };
  if (p.chance(0.95)) m.due = isoOf(due);
  m.status = status;
  if (status === 'completed') m.completed = isoOf(p.int(dayOf('2023-01-01'), Math.min(REPORT_DAY, due + 60)));
  if (p.chance(0.9)) {
    if (status === 'completed') m.progress = 1;
    else if (status === 'in-progress') m.progress = p.round(0.05, 0.95, 2);
    else if (status === 'delayed') m.progress = p.round(0.1, 0.7, 2);
    else if (status === 'not-started') m.progress = 0;
  }
  if (p.chance(0.7)) {
    const notes = zh ? NOTES_ZH : NOTES_EN;
    const n = p.int(1, 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(p.pick(notes)(p));
    m.note = parts.join(zh ? '' : ' ');
  }
  return m;
}

function header(title: string): string {
  return `{"format":"plan-report/v1","report":${JSON.stringify({ title, region: 'Synthetic Province', period: REPORT_PERIOD })},\n`;
}

/** `count` measures in plans of 1,000, seven groups each, a quarter of the plans in Chinese. */
export function writeMeasures(file: string, count: number, seed: number, opts: MeasureOptions = {}): Generated {
  const p = new Prng(seed);
  const w = new ChunkWriter(file);
  const pools = leadPools();
  w.write(header(`Biomedical industry plans: ${count.toLocaleString('en-US')} measures (synthetic)`));
  w.write('"plans":[\n');
  const perPlan = 1000;
  const plans = Math.ceil(count / perPlan);
  let index = 0;
  for (let pi = 0; pi < plans; pi++) {
    const zh = pi % 4 === 3;
    const groups = p.shuffle(zh ? GROUPS_ZH : GROUPS_EN).slice(0, 7);
    const district = p.pick(zh ? DISTRICTS_ZH : DISTRICTS_EN);
    const planId = `PLAN-${String(pi + 1).padStart(4, '0')}`;
    const plan = {
      id: planId,
      title: zh
        ? `${district}生物医药产业高质量发展行动方案（2023-2026年）第${pi + 1}号`
        : `${district} action plan for the high-quality development of the biomedical industry (2023-2026), no. ${pi + 1}`,
      region: district,
      issued: isoOf(p.int(dayOf('2022-06-01'), dayOf('2023-03-31'))),
      source: zh ? `${district}人民政府办公室` : `General Office of the ${district} People's Government`,
      groups,
    };
    const json = JSON.stringify(plan);
    w.write(`${pi ? ',\n' : ''}${json.slice(0, -1)},"measures":[\n`);
    const n = Math.min(perPlan, count - pi * perPlan);
    for (let mi = 0; mi < n; mi++, index++) {
      const lead = opts.leads ? opts.leads(p, index) : p.pick(zh ? pools.zh : pools.en);
      const m = measure(p, `M-${String(mi + 1).padStart(4, '0')}`, zh, p.pick(groups), lead);
      w.write(`${mi ? ',\n' : ''}${JSON.stringify(m)}`);
    }
    w.write(']}');
  }
  w.write('\n]}\n');
  return { file, rows: count, ...w.close() };
}

/**
 * The data set behind the forms case: 50 plans of 1,000 measures whose 1,000
 * lead departments lead 50 measures each, so `form --all` writes 1,000 forms.
 */
export function writeFormsData(file: string, departments: number, perDepartment: number, seed: number): Generated {
  const p = new Prng(seed ^ 0x5eed);
  const names: string[] = [];
  for (let i = 0; names.length < departments; i++) {
    const d = DISTRICTS_EN[i % DISTRICTS_EN.length];
    const b = BUREAUS_EN[Math.floor(i / DISTRICTS_EN.length) % BUREAUS_EN.length];
    const round = Math.floor(i / (DISTRICTS_EN.length * BUREAUS_EN.length));
    names.push(round ? `${d} ${b} (office ${round + 1})` : `${d} ${b}`);
  }
  const order = p.shuffle(Array.from({ length: departments * perDepartment }, (_, i) => i % departments));
  return writeMeasures(file, departments * perDepartment, seed, { leads: (_p, index) => names[order[index]] });
}

// ---------------------------------------------------------------- catalog

const CITIES_EN = [
  'Suzhou',
  'Shanghai',
  'Hangzhou',
  'Nanjing',
  'Wuxi',
  'Beijing',
  'Shenzhen',
  'Chengdu',
  'Wuhan',
  'Guangzhou',
  'Changzhou',
  'Taizhou',
  'Xiamen',
  'Tianjin',
  'Hefei',
  'Jinan',
  "Xi'an",
  'Changsha',
  'Zhuhai',
  'Ningbo',
];
const CITIES_ZH = [
  '苏州',
  '上海',
  '杭州',
  '南京',
  '无锡',
  '北京',
  '深圳',
  '成都',
  '武汉',
  '广州',
  '常州',
  '泰州',
  '厦门',
  '天津',
  '合肥',
  '济南',
  '西安',
  '长沙',
  '珠海',
  '宁波',
];
const SYLLABLES_EN = [
  'Xin',
  'Kang',
  'Hua',
  'Tai',
  'Rui',
  'Bo',
  'Yi',
  'Sheng',
  'Jia',
  'Heng',
  'Da',
  'Tian',
  'Yuan',
  'Ming',
  'Zhi',
  'Ke',
  'Chuang',
  'Lian',
  'Mai',
  'Ai',
  'Hong',
  'Jun',
  'Xiang',
  'Feng',
];
const SYLLABLES_ZH = [
  '信',
  '康',
  '华',
  '泰',
  '瑞',
  '博',
  '益',
  '生',
  '嘉',
  '恒',
  '达',
  '天',
  '元',
  '明',
  '智',
  '科',
  '创',
  '联',
  '迈',
  '爱',
  '宏',
  '君',
  '祥',
  '丰',
];
const KINDS_EN = [
  'Biotech',
  'Pharmaceutical',
  'Medical Technology',
  'Medical Devices',
  'Diagnostics',
  'Biologics',
  'Life Sciences',
  'Healthcare',
  'Bio-Pharma',
  'Precision Medicine',
];
const KINDS_ZH = ['生物科技', '制药', '医疗科技', '医疗器械', '诊断技术', '生物制品', '生命科学', '健康产业', '生物医药', '精准医疗'];

const PRODUCTS: Record<'drug' | 'device' | 'consumable' | 'diagnostic' | 'other', { en: string[]; zh: string[] }> = {
  drug: {
    en: [
      'Sintilimab Injection',
      'Tislelizumab Injection',
      'Zanubrutinib Capsules',
      'Fruquintinib Capsules',
      'Surufatinib Capsules',
      'Anlotinib Hydrochloride Capsules',
      'Camrelizumab for Injection',
      'Pyrotinib Maleate Tablets',
      'Envafolimab Injection',
      'Ensartinib Capsules',
    ],
    zh: [
      '信迪利单抗注射液',
      '替雷利珠单抗注射液',
      '泽布替尼胶囊',
      '呋喹替尼胶囊',
      '索凡替尼胶囊',
      '盐酸安罗替尼胶囊',
      '注射用卡瑞利珠单抗',
      '马来酸吡咯替尼片',
      '恩沃利单抗注射液',
      '恩沙替尼胶囊',
    ],
  },
  device: {
    en: [
      'Coronary Stent System',
      'Transcatheter Aortic Valve System',
      'Surgical Robot System',
      'Magnetic Resonance Imaging System',
      'Implantable Cardiac Pacemaker',
      'Left Atrial Appendage Occluder',
      'Ultrasound Diagnostic System',
      'Endoscopic Imaging System',
    ],
    zh: ['冠脉支架系统', '经导管主动脉瓣膜系统', '手术机器人系统', '磁共振成像系统', '植入式心脏起搏器', '左心耳封堵器', '超声诊断系统', '内窥镜摄像系统'],
  },
  consumable: {
    en: [
      'Disposable Infusion Set',
      'Absorbable Surgical Suture',
      'Medical Hydrocolloid Dressing',
      'Disposable Safety Syringe',
      'Hemodialysis Catheter',
      'Negative Pressure Wound Drainage Kit',
    ],
    zh: ['一次性使用输液器', '可吸收性外科缝线', '医用水胶体敷料', '一次性使用安全注射器', '血液透析导管', '负压引流护创材料'],
  },
  diagnostic: {
    en: [
      'Nucleic Acid Test Kit (PCR)',
      'Antigen Rapid Test Kit (Colloidal Gold)',
      'Gene Mutation Detection Kit (NGS)',
      'Cardiac Troponin I Assay Kit',
      'Tumor Marker Panel (Chemiluminescence)',
    ],
    zh: [
      '核酸检测试剂盒（PCR法）',
      '抗原快速检测试剂盒（胶体金法）',
      '基因突变检测试剂盒（高通量测序法）',
      '心肌肌钙蛋白I测定试剂盒',
      '肿瘤标志物联检试剂盒（化学发光法）',
    ],
  },
  other: {
    en: ['Clinical Decision Support Software', 'Hospital Logistics Robot', 'Cold-chain Monitoring Service', 'Medical Imaging Cloud Platform'],
    zh: ['临床辅助决策软件', '医院物流机器人', '冷链监测服务', '医学影像云平台'],
  },
};
const CATEGORY_WEIGHTS = { drug: 30, device: 30, consumable: 20, diagnostic: 15, other: 5 } as const;

function registration(p: Prng, category: keyof typeof PRODUCTS): string | undefined {
  const year = p.int(2016, 2025);
  switch (category) {
    case 'drug':
      return `国药准字H${year}${String(p.int(0, 9999)).padStart(4, '0')}`;
    case 'device':
      return `国械注准${year}3${p.int(0, 9)}${String(p.int(0, 99999)).padStart(5, '0')}`;
    case 'consumable':
      return `${p.pick(['苏', '沪', '浙', '京'])}械注准${year}2${String(p.int(0, 999999)).padStart(6, '0')}`;
    case 'diagnostic':
      return `国械注准${year}340${String(p.int(0, 9999)).padStart(4, '0')}`;
    case 'other':
      return p.chance(0.5) ? undefined : `SN-${year}-${p.int(1000, 9999)}`;
  }
}

/**
 * One catalog of `count` entries from `enterprises` enterprises: every
 * enterprise lists at least one product, the rest are drawn with lognormal
 * weights (most list a few, the largest groups a couple of hundred); 1% of the entries spell their enterprise's name
 * in another case, which still counts as the same enterprise.
 */
export function writeCatalog(file: string, count: number, enterprises: number, seed: number): Generated {
  const p = new Prng(seed);
  const w = new ChunkWriter(file);
  const names: string[] = [];
  const zhOf: boolean[] = [];
  const seen = new Set<string>();
  while (names.length < enterprises) {
    const zh = p.chance(0.3);
    const core =
      p.pick(zh ? SYLLABLES_ZH : SYLLABLES_EN) +
      p.pick(zh ? SYLLABLES_ZH : SYLLABLES_EN).toLowerCase() +
      (p.chance(0.3) ? p.pick(zh ? SYLLABLES_ZH : SYLLABLES_EN).toLowerCase() : '');
    const name = zh
      ? `${p.pick(CITIES_ZH)}${core}${p.pick(KINDS_ZH)}${p.pick(['有限公司', '股份有限公司'])}`
      : `${p.pick(CITIES_EN)} ${core} ${p.pick(KINDS_EN)} ${p.pick(['Co., Ltd.', 'Inc.', 'Group Co., Ltd.'])}`;
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
    zhOf.push(zh);
  }
  // Lognormal weights: most enterprises list one to a few products, a few groups list a couple of hundred.
  const cumulative = new Float64Array(enterprises);
  let total = 0;
  for (let i = 0; i < enterprises; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - p.next())) * Math.cos(2 * Math.PI * p.next());
    total += Math.exp(1.2 * z);
    cumulative[i] = total;
  }
  const draw = (): number => {
    const x = p.next() * total;
    let lo = 0;
    let hi = enterprises - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const owners = p.shuffle(Array.from({ length: count }, (_, i) => (i < enterprises ? i : draw())));

  w.write(header(`Catalog of innovative products: ${count.toLocaleString('en-US')} entries (synthetic)`));
  const catalog = {
    id: 'CAT-2025',
    title: 'Catalog of Innovative, Famous and High-quality Products (consolidated)',
    region: 'Synthetic Province',
    issued: '2025-03',
  };
  w.write(`"catalogs":[${JSON.stringify(catalog).slice(0, -1)},"entries":[\n`);
  for (let i = 0; i < count; i++) {
    const owner = owners[i];
    const zh = zhOf[owner];
    const category = p.weighted(CATEGORY_WEIGHTS);
    const base = p.pick(zh ? PRODUCTS[category].zh : PRODUCTS[category].en);
    const brand = p.pick(zh ? SYLLABLES_ZH : SYLLABLES_EN) + p.pick(zh ? SYLLABLES_ZH : SYLLABLES_EN).toLowerCase();
    const product = zh ? `${brand}®${base}（规格${p.int(1, 40)}）` : `${brand}® ${base}, model ${p.pick(['A', 'B', 'C', 'S', 'X'])}${p.int(10, 990)}`;
    let enterprise = names[owner];
    if (!zh && p.chance(0.01)) enterprise = enterprise.toUpperCase();
    const e: Record<string, unknown> = { product, enterprise, category };
    const reg = registration(p, category);
    if (reg !== undefined) e.registration = reg;
    if (p.chance(0.9)) e.listed = isoOf(p.int(dayOf('2021-01-01'), REPORT_DAY));
    if (p.chance(0.95)) e.hospitals = p.chance(0.35) ? 0 : Math.min(400, Math.floor(1 / (1 - p.next() * 0.995)));
    w.write(`${i ? ',\n' : ''}${JSON.stringify(e)}`);
  }
  w.write('\n]}]}\n');
  return { file, rows: count, ...w.close() };
}

// ---------------------------------------------------------------- indicators

const INDICATOR_NAMES = [
  { en: 'Industry revenue', zh: '产业营业收入', unit: 'CNY 100 million' },
  { en: 'Industrial output', zh: '工业总产值', unit: 'CNY 100 million' },
  { en: 'Enterprises above designated size', zh: '规模以上企业数', unit: 'enterprises' },
  { en: 'R&D expenditure', zh: '研发投入', unit: 'CNY 100 million' },
  { en: 'Class III device registrations', zh: '第三类医疗器械注册证', unit: 'certificates' },
  { en: 'Clinical trials started', zh: '新开展临床试验', unit: 'trials' },
  { en: 'Exports of medical devices', zh: '医疗器械出口额', unit: 'USD million' },
  { en: 'Innovative drugs approved', zh: '获批创新药', unit: 'drugs' },
  { en: 'Fixed-asset investment', zh: '固定资产投资', unit: 'CNY 100 million' },
  { en: 'Employees', zh: '从业人员', unit: 'thousand people' },
];

/** Quarter labels from 2015-Q4 to 2025-Q3: 40 quarters ending with the report period. */
function quarters(n: number): string[] {
  const out: string[] = [];
  let y = 2025;
  let q = 3;
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-Q${q}`);
    if (--q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

/** `count` indicators observed every quarter for `perIndicator` quarters; 15% cumulative. */
export function writeIndicators(file: string, count: number, perIndicator: number, seed: number): Generated {
  const p = new Prng(seed);
  const w = new ChunkWriter(file);
  const qs = quarters(perIndicator);
  w.write(header(`Regional indicators: ${count.toLocaleString('en-US')} indicators, ${perIndicator} quarters (synthetic)`));
  w.write('"indicators":[\n');
  for (let i = 0; i < count; i++) {
    const zh = i % 2 === 1;
    const kindOf = INDICATOR_NAMES[i % INDICATOR_NAMES.length];
    const district = (zh ? DISTRICTS_ZH : DISTRICTS_EN)[Math.floor(i / INDICATOR_NAMES.length) % DISTRICTS_EN.length];
    const cumulative = p.chance(0.15);
    let level = p.round(5, 500, 1);
    const observations: Record<string, unknown>[] = [];
    let base2020 = level;
    for (const q of qs) {
      level = Math.max(0.1, level * (1 + p.round(-0.04, 0.09, 4)));
      const value = cumulative ? p.round(0.5, level / 4, 2) : Math.round(level * 10) / 10;
      if (q === '2020-Q4') base2020 = level;
      const o: Record<string, unknown> = { period: q, value };
      if (p.chance(0.3)) o.growth = p.round(-0.1, 0.25, 4);
      observations.push(o);
    }
    const baseline = { period: '2020', value: Math.round(base2020 * 10) / 10 };
    const target = { period: '2027', value: Math.round(base2020 * p.round(1.3, 2.5, 2) * (cumulative ? 20 : 1) * 10) / 10 };
    const indicator = {
      id: `IND-${String(i + 1).padStart(4, '0')}`,
      name: zh ? `${district}${kindOf.zh}` : `${kindOf.en}, ${district}`,
      region: district,
      unit: kindOf.unit,
      kind: cumulative ? 'cumulative' : 'level',
      baseline: cumulative ? undefined : baseline,
      target,
      observations,
    };
    w.write(`${i ? ',\n' : ''}${JSON.stringify(indicator)}`);
  }
  w.write('\n]}\n');
  return { file, rows: count * perIndicator, ...w.close() };
}
