/**
 * What the Excel running the add-in can do, from the ExcelApi requirement
 * sets it supports (`Office.context.requirements.isSetSupported`). The
 * manifest asks for ExcelApi 1.1 only, so that the pane opens in any Excel
 * with the JavaScript API and can say what it needs; every action needs
 * CORE_API; the parts of the report in FEATURES are written only where Excel
 * has their API, and the report is built without them elsewhere.
 * test/addin/api-sets.test.ts lists every Office.js member the add-in uses
 * and checks that each one above CORE_API is used only under its feature.
 */

/** `Office.context.requirements`, or the fake host's. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * The ExcelApi set every action needs: names and used ranges (1.4),
 * conditional formats (1.6), frozen panes, tab colours, chart series bound to
 * ranges, chart ids and name formulas (1.7). Excel 2019 and later, Microsoft
 * 365, Excel on the web and Excel for Mac 16.9 and later have it.
 */
export const CORE_API = '1.7';

/** Parts of the report that need a newer ExcelApi set than CORE_API, and the set each needs. */
export const FEATURE_API = {
  /** Drop-down lists and input checks on the data sheets (data validation). */
  validation: '1.8',
  /** Chart axis and label number formats, and blank cells not plotted (Excel's defaults otherwise). */
  chartFormats: '1.8',
  /** Page layout, headers and footers, print titles. */
  print: '1.9',
  /** AutoFilter on the data tables. */
  filter: '1.9',
  /** Cell indentation. */
  indent: '1.9',
  /** Formatting many areas at once (without it, one area at a time: the same result in more operations). */
  areas: '1.9',
  /** Merged cells read by Import from this sheet (without it, a merged range's value is in its first cell only). */
  merges: '1.13',
} as const;

export type Feature = keyof typeof FEATURE_API;
export type Features = Readonly<Record<Feature, boolean>>;

/** Every feature: what the writer does where nothing is missing. */
export const ALL_FEATURES: Features = { validation: true, chartFormats: true, print: true, filter: true, indent: true, areas: true, merges: true };

export interface HostCapabilities {
  /** Excel has CORE_API: the add-in can work. */
  core: boolean;
  features: Features;
}

export function hostCapabilities(requirements: Requirements): HostCapabilities {
  const has = (version: string) => requirements.isSetSupported('ExcelApi', version);
  const features = Object.fromEntries(Object.entries(FEATURE_API).map(([f, v]) => [f, has(v)])) as Record<Feature, boolean>;
  return { core: has(CORE_API), features };
}

/**
 * What the pane says about a host that lacks some features: nothing when it
 * has them all; `print` when only the ExcelApi 1.9 parts are missing (print
 * setup, filters, indentation); `validation` when the 1.8 parts are missing too.
 */
export function missingNote(features: Features): 'print' | 'validation' | undefined {
  if (!features.validation) return 'validation';
  if (!features.print || !features.filter) return 'print';
  return undefined;
}
