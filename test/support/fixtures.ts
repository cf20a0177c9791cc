/** What the tests share: the build options every test workbook is made with. */

/** Build options that make a workbook the same from run to run (generator and time in its record). */
export const OPTIONS = { generator: 'plan-report test', generatedAt: '2026-01-01T00:00:00.000Z' };
