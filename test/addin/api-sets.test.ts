/**
 * The Office.js members the add-in uses against the table of them
 * (fake-excel/api-sets.ts) and the requirement sets @types/office-js gives:
 * a new call, or a call to a newer API, fails here until it is in the table
 * and, when newer than the core set, used only under its feature's check.
 */
import { ALL_FEATURES, CORE_API, FEATURE_API, type Feature } from '../../src/addin/excel/capabilities';
import { apiMinor, OFFICE_MEMBERS } from './fake-excel/api-sets';
import { apiSetOf, officeMembersUsed, type MemberUse } from './office-members';

/** The functions that use each feature's members; the writer calls them only where Excel has the feature. */
const FEATURE_FUNCTIONS: Record<Feature, string[]> = {
  validation: ['src/addin/excel/write-model.ts writeValidation', 'src/addin/excel/write-model.ts validationRule'],
  chartFormats: ['src/addin/excel/charts.ts writeChartFormats'],
  print: ['src/addin/excel/write-model.ts writePrint'],
  filter: ['src/addin/excel/write-model.ts writeAutoFilter'],
  indent: ['src/addin/excel/write-model.ts applyStyle'],
  areas: ['src/addin/excel/write-model.ts areaFormats'],
  merges: ['src/addin/excel/active-sheet.ts readMerges'],
};

let used: MemberUse[];

beforeAll(() => {
  used = officeMembersUsed();
}, 60_000);

describe('the Office.js members the add-in uses', () => {
  it('are found in its code', () => {
    // The scan sees what the add-in is known to call, old and new.
    expect(used.map((u) => u.member)).toEqual(expect.arrayContaining(['Excel.Range.formulas', 'Excel.Worksheet.pageLayout', 'Office.onReady']));
    expect(used.length).toBeGreaterThan(100);
  });

  it('are every one in the table, with the requirement set @types/office-js gives', () => {
    const found = Object.fromEntries(used.map((u) => [u.member, u.set]));
    const table = Object.fromEntries(Object.entries(OFFICE_MEMBERS).map(([m, [set]]) => [m, set]));
    expect(found).toEqual(table);
  });

  it('belong to ExcelApi 1.x sets, or to none (office.js and the common API)', () => {
    for (const u of used) expect({ member: u.member, minor: apiMinor(u.set) }).toEqual({ member: u.member, minor: expect.any(Number) });
  });

  it('newer than the core set are used only in the functions of their feature, whose set covers them', () => {
    for (const [member, [set, feature]] of Object.entries(OFFICE_MEMBERS)) {
      if (apiMinor(set) <= apiMinor(CORE_API) && !feature) continue;
      expect({ member, feature }).toEqual({ member, feature: expect.any(String) });
      expect({ member, set, covered: apiMinor(set) <= apiMinor(FEATURE_API[feature!]) }).toEqual({ member, set, covered: true });
      const places = used.find((u) => u.member === member)!.places;
      expect({ member, places: places.filter((p) => !FEATURE_FUNCTIONS[feature!].includes(p)) }).toEqual({ member, places: [] });
    }
  });

  it('need no more than the core set where no feature guards them, and the core set is no higher than that', () => {
    const unguarded = Object.values(OFFICE_MEMBERS).filter(([, feature]) => !feature);
    expect(Math.max(...unguarded.map(([set]) => apiMinor(set)))).toBe(apiMinor(CORE_API));
  });

  it('before the pane checks the core set, are the common API only', () => {
    // The pane must open on an Excel without the core set to say which Excel is needed.
    const pane = used.filter((u) => u.places.some((p) => p.startsWith('src/addin/taskpane/')));
    expect(pane.filter((u) => u.set !== '').map((u) => u.member)).toEqual([]);
  });

  it('every feature has members, and a set newer than the core', () => {
    for (const f of Object.keys(ALL_FEATURES) as Feature[]) {
      expect({ f, newer: apiMinor(FEATURE_API[f]) > apiMinor(CORE_API) }).toEqual({ f, newer: true });
      expect({ f, members: Object.values(OFFICE_MEMBERS).some(([, feature]) => feature === f) }).toEqual({ f, members: true });
    }
  });
});

describe('reading requirement sets from the doc comments', () => {
  it('takes the newest set a member needs', () => {
    expect(apiSetOf('@remarks\n[Api set: ExcelApi 1.9]')).toBe('ExcelApi 1.9');
    expect(apiSetOf('[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]')).toBe('ExcelApi 1.2');
    expect(apiSetOf('[Api set: ExcelApi 1.10]')).toBe('ExcelApi 1.10');
    expect(apiSetOf('[Api set: ExcelApiDesktop 1.1]')).toBe('ExcelApiDesktop 1.1');
    expect(apiSetOf('no set')).toBe('');
  });

  it('refuses sets that are not ExcelApi 1.x', () => {
    expect(() => apiMinor('ExcelApiDesktop 1.1')).toThrow('not an ExcelApi 1.x set');
    expect(apiMinor('ExcelApi 1.10')).toBe(10);
  });
});
