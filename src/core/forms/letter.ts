/**
 * What makes a form read as a letter from the office: its heading (the
 * plan's or catalog's title, not only its id), whom it is sent to, the first
 * sentence of its Instructions, and, when `form --due` and `--contact` are
 * given, the date to send it back by and whom to ask. Pure; the words are
 * the form's labels (labels.ts).
 */
import { InputError } from '../errors';
import { said } from '../messages/said';
import { dateWords, periodWords } from '../i18n/wording';
import { isIsoDate, parsePeriod } from '../periods';
import type { Locale, ReportData } from '../schema';
import type { FormContent } from './form';
import { formLabelsFor, type FormLabels } from './labels';

/** `form --due DATE --contact TEXT`: both optional. */
export interface FormLetterOptions {
  /** The date the form is to be sent back by, `YYYY-MM-DD`. */
  due?: string;
  /** Whom to ask: a name, a telephone number, an email address. */
  contact?: string;
}

/** What the form's block and its Instructions say about whom and what it is for. */
export interface FormLetter {
  /** The title at the top of both sheets and in their page headers. */
  heading: string;
  /** The label and value of the form's scope row (region, period, scope). */
  scope: { label: string; value: string };
  /** Whom the form is sent to, as a letter opens; undefined for a form for a plan or catalog as a whole. */
  to?: string;
  /** The first paragraph of the Instructions. */
  intro: string;
  /** The return date and contact as one paragraph; undefined when neither was given. */
  returnBy?: string;
}

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/** The longest contact a form prints: a name, a telephone number and an email address fit easily. */
export const MAX_CONTACT = 200;

const CONTACT_EMPTY = said(
  '--contact is empty; expected whom to ask, such as "Zhang Wei, 010-6512 3456"',
  '--contact 为空；应填写联系人，如“张伟，010-6512 3456”',
);
const CONTACT_CONTROL = said(
  '--contact holds a control character; expected plain text, such as "Zhang Wei, 010-6512 3456"',
  '--contact 含有控制字符；应为纯文字，如“张伟，010-6512 3456”',
);

/**
 * Checks `--due` and `--contact`; throws an InputError naming the option and
 * what was expected. The return date is a calendar date, not before the
 * reporting period begins (a form may be sent, and due, during the period).
 * The contact is one line of plain text.
 */
export function checkLetterOptions(opts: FormLetterOptions, period: string, file: string): FormLetterOptions {
  const out: FormLetterOptions = {};
  if (opts.due !== undefined) {
    const due = opts.due.trim();
    if (!isIsoDate(due))
      throw InputError.one(file, `--due "${opts.due}" is not a date; expected a date such as 2024-10-15 (YYYY-MM-DD)`, {
        zh: `--due “${opts.due}”不是可识别的日期；应写作 2024-10-15 这样的日期`,
      });
    const start = periodStart(period);
    if (start !== undefined && due < start)
      throw InputError.one(file, `--due ${due} is before the reporting period ${period} begins (${start}); expected the date forms are to be sent back by`, {
        zh: `--due ${due} 早于报告期${periodWords(period, 'zh-CN')}的起始日（${dateWords(start, 'zh-CN')}）；应为表单交回的截止日期`,
      });
    out.due = due;
  }
  if (opts.contact !== undefined) {
    const contact = opts.contact.trim().replace(/\s+/g, ' ');
    if (!contact) throw InputError.one(file, CONTACT_EMPTY.message, { zh: CONTACT_EMPTY.zh });
    // eslint-disable-next-line no-control-regex -- control characters are what must not be printed
    if (/[\u0000-\u001f\u007f]/.test(opts.contact.replace(/[\t\r\n]/g, ' '))) throw InputError.one(file, CONTACT_CONTROL.message, { zh: CONTACT_CONTROL.zh });
    if (contact.length > MAX_CONTACT)
      throw InputError.one(
        file,
        `--contact is ${contact.length} characters long; expected at most ${MAX_CONTACT} (a name, a telephone number, an email address)`,
        { zh: `--contact 长 ${contact.length} 个字符；最多 ${MAX_CONTACT} 个（姓名、电话、电子邮箱）` },
      );
    out.contact = contact;
  }
  return out;
}

const MONTHS = { year: 12, half: 6, quarter: 3, month: 1 } as const;

/** The first day of a period, `YYYY-MM-DD`. */
export function periodStart(period: string): string | undefined {
  const p = parsePeriod(period);
  if (!p) return undefined;
  return `${String(p.year).padStart(4, '0')}-${String(p.endMonth - MONTHS[p.kind] + 1).padStart(2, '0')}-01`;
}

/** `title (id)`, as the locale writes a name and its code. */
const titled = (title: string, id: string, locale: Locale) => (title.trim() === id ? id : locale === 'zh-CN' ? `${title}（${id}）` : `${title} (${id})`);

function scopeOf(content: FormContent, data: ReportData, labels: FormLabels, locale: Locale): FormLetter['scope'] {
  const s = content.scope;
  const plan = (data.plans ?? []).find((p) => p.id === s.plan);
  if (s.lead !== undefined)
    return { label: labels.head.lead, value: s.plan ? (locale === 'zh-CN' ? `${s.lead}（${s.plan}）` : `${s.lead} (${s.plan})`) : s.lead };
  if (s.plan !== undefined) return { label: labels.head.plan, value: plan ? titled(plan.title, plan.id, locale) : s.plan };
  if (s.catalog !== undefined) {
    const catalog = (data.catalogs ?? []).find((c) => c.id === s.catalog);
    return { label: labels.head.catalog, value: catalog ? titled(catalog.title, catalog.id, locale) : s.catalog };
  }
  return { label: labels.head.department, value: s.department ?? labels.head.all };
}

/** The plan of every row of a measures form, when they are all of one plan (a lead's form in a data file of one plan). */
function onePlan(content: FormContent): string | undefined {
  if (content.scope.kind !== 'measures' || !content.rows.length) return undefined;
  const first = content.rows[0][0];
  return content.rows.every((r) => r[0] === first) ? String(first) : undefined;
}

/** The letter of a form made from `data` for `content`, in `locale`. */
export function formLetter(content: FormContent, data: ReportData, locale: Locale, opts: FormLetterOptions = {}): FormLetter {
  const labels = formLabelsFor(locale);
  const words = labels.letter;
  const s = content.scope;
  const plan = (data.plans ?? []).find((p) => p.id === (s.plan ?? onePlan(content)));
  const catalog = (data.catalogs ?? []).find((c) => c.id === s.catalog);
  const period = periodWords(s.period, locale);
  const scope = scopeOf(content, data, labels, locale);
  let heading = labels.titles[s.kind];
  let intro = labels.instructions.intro[s.kind];
  const join = (a: string, b: string) => (locale === 'zh-CN' ? `${a}${b}` : `${a} ${b}`);
  switch (s.kind) {
    case 'measures': {
      if (plan) heading = fill(words.heading.measuresOfPlan, { title: plan.title });
      const which = s.lead === undefined ? words.measures.plan : plan ? words.measures.leadInPlan : words.measures.lead;
      intro = join(fill(which, { plan: plan?.title ?? s.plan ?? '', period }), intro);
      break;
    }
    case 'catalog':
      if (catalog) heading = fill(words.heading.catalogOf, { title: catalog.title });
      intro = join(fill(words.catalogOf, { catalog: catalog?.title ?? s.catalog ?? '' }), intro);
      break;
    case 'indicators':
      if (s.department !== undefined) heading = fill(words.heading.indicatorsOf, { department: s.department });
      break;
  }
  const to = s.lead ?? s.department;
  const parts = [
    opts.due !== undefined ? fill(words.returnBy, { date: dateWords(opts.due, locale) }) : undefined,
    opts.contact !== undefined ? fill(words.contact, { contact: opts.contact.replace(/[.。]$/, '') }) : undefined,
  ].filter((x): x is string => x !== undefined);
  return {
    heading,
    scope,
    to: to !== undefined ? fill(words.to, { department: to }) : undefined,
    intro,
    returnBy: parts.length ? parts.join(locale === 'zh-CN' ? '' : ' ') : undefined,
  };
}
