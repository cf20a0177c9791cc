/**
 * The rows the two reference writers (the floor and exceljs) write: the same
 * data rows as plan-report's data sheets (Measures, Catalog, Observations,
 * with the English labels), plus one formula per row with its cached result,
 * as a report's data sheet carries. Read straight from the parsed JSON, with
 * no validation: these writers measure writing, not checking.
 */

/** A cell: text, a number, a date (as a spreadsheet serial), a formula with its cached result, or empty. */
export type Cell = string | number | null | { d: number } | { f: string; v: number | string };

export interface Column {
  title: string;
  width: number;
  /** 'date' cells hold serials shown as dates; 'percent' numbers as percentages. */
  format?: 'date' | 'percent';
}

export interface Table {
  name: string;
  columns: Column[];
  count: number;
  /** The data rows (1-based row r of the sheet is rows' element r - 2; row 1 is the header). */
  rows: () => Iterable<Cell[]>;
}

const EPOCH = Date.UTC(1899, 11, 30);
/** A spreadsheet date serial (1900 date system) from YYYY-MM-DD. */
export function serial(iso: string | undefined): { d: number } | null {
  if (iso === undefined) return null;
  return { d: (Date.parse(`${iso}T00:00:00Z`) - EPOCH) / 86_400_000 };
}

const LETTERS: string[] = [];
export function columnLetter(n: number): string {
  if (LETTERS[n]) return LETTERS[n];
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return (LETTERS[n] = s);
}

const STATUS: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
};
const CATEGORY: Record<string, string> = { drug: 'Drug', device: 'Device', consumable: 'Consumable', diagnostic: 'Diagnostic', other: 'Other' };

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function measuresTable(data: Json): Table | null {
  const plans: Json[] = data.plans ?? [];
  const count = plans.reduce((n, p) => n + p.measures.length, 0);
  if (!count) return null;
  const [y, m, d] = (data.report.date ?? '2025-09-30').split('-').map(Number);
  const reportSerial = serial(data.report.date ?? '2025-09-30')!.d;
  return {
    name: 'Measures',
    count,
    columns: [
      { title: 'Plan', width: 16 },
      { title: 'ID', width: 10 },
      { title: 'Measure', width: 50 },
      { title: 'Group', width: 24 },
      { title: 'Lead department', width: 28 },
      { title: 'Due', width: 12, format: 'date' },
      { title: 'Status', width: 14 },
      { title: 'Completed on', width: 12, format: 'date' },
      { title: 'Progress', width: 10, format: 'percent' },
      { title: 'Note', width: 50 },
      { title: 'Overdue', width: 9 },
    ],
    *rows() {
      let r = 1;
      for (const plan of plans) {
        for (const x of plan.measures) {
          r++;
          const due = serial(x.due);
          const overdue = due !== null && due.d < reportSerial && x.status !== 'completed' && x.status !== 'cancelled' ? 1 : 0;
          yield [
            plan.id,
            x.id,
            x.title,
            x.group ?? null,
            x.lead ?? null,
            due,
            STATUS[x.status],
            serial(x.completed),
            x.progress ?? null,
            x.note ?? null,
            { f: `IF(AND(ISNUMBER(F${r}),F${r}<DATE(${y},${m},${d}),G${r}<>"Completed",G${r}<>"Cancelled"),1,0)`, v: overdue },
          ];
        }
      }
    },
  };
}

function catalogTable(data: Json): Table | null {
  const catalogs: Json[] = data.catalogs ?? [];
  const count = catalogs.reduce((n, c) => n + c.entries.length, 0);
  if (!count) return null;
  return {
    name: 'Catalog',
    count,
    columns: [
      { title: 'Catalog', width: 14 },
      { title: 'Product', width: 40 },
      { title: 'Enterprise', width: 36 },
      { title: 'Category', width: 12 },
      { title: 'Registration', width: 24 },
      { title: 'Listed on', width: 12, format: 'date' },
      { title: 'Hospitals procuring', width: 10 },
      { title: 'Adopted', width: 9 },
    ],
    *rows() {
      let r = 1;
      for (const c of catalogs) {
        for (const e of c.entries) {
          r++;
          yield [
            c.id,
            e.product,
            e.enterprise,
            CATEGORY[e.category],
            e.registration ?? null,
            serial(e.listed),
            e.hospitals ?? null,
            { f: `IF(G${r}>=1,1,0)`, v: (e.hospitals ?? 0) >= 1 ? 1 : 0 },
          ];
        }
      }
    },
  };
}

function observationsTable(data: Json): Table | null {
  const indicators: Json[] = data.indicators ?? [];
  const count = indicators.reduce((n, i) => n + i.observations.length, 0);
  if (!count) return null;
  return {
    name: 'Observations',
    count,
    columns: [
      { title: 'Indicator', width: 14 },
      { title: 'Period', width: 10 },
      { title: 'Value', width: 12 },
      { title: 'Growth', width: 10, format: 'percent' },
      { title: 'Year on year', width: 12, format: 'percent' },
    ],
    *rows() {
      let r = 1;
      for (const ind of indicators) {
        const obs: Json[] = ind.observations;
        for (let k = 0; k < obs.length; k++) {
          r++;
          const o = obs[k];
          // The value of four rows up (the same quarter a year earlier) when it is the same indicator.
          const prev = k >= 4 ? obs[k - 4].value : undefined;
          const yoy: Cell =
            k >= 4
              ? {
                  f: `IF(AND(ISNUMBER(C${r}),ISNUMBER(C${r - 4}),C${r - 4}<>0),C${r}/C${r - 4}-1,"")`,
                  v: typeof o.value === 'number' && typeof prev === 'number' && prev !== 0 ? o.value / prev - 1 : '',
                }
              : { f: `IF(ISNUMBER(D${r}),D${r},"")`, v: typeof o.growth === 'number' ? o.growth : '' };
          yield [ind.id, o.period, o.value ?? null, o.growth ?? null, yoy];
        }
      }
    },
  };
}

/** The data tables of a parsed data file that hold rows. */
export function tablesOf(data: Json): Table[] {
  return [measuresTable(data), catalogTable(data), observationsTable(data)].filter((t): t is Table => t !== null);
}
