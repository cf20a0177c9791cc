/**
 * Every fixed sentence registered with `said` has Chinese that reads as
 * Chinese: no run of two English words outside quotes (values, file names,
 * commands and the workbook's words are quoted). The modules that say
 * things are loaded first, so that their sentences are registered.
 */
import { registeredSentences } from '../../../src/core/messages/said';
import { dataPath, englishRun } from '../../support/zh-text';
import '../../../src/core/forms/form';
import '../../../src/core/forms/letter';
import '../../../src/core/record/form-record';
import '../../../src/core/record/carried-template';
import '../../../src/core/read/report-reader';
import '../../../src/core/data-file/read';

describe('registered sentences', () => {
  it('have Chinese with no English sentence in it', () => {
    const all = [...registeredSentences()];
    expect(all.length).toBeGreaterThan(5);
    const english = all.filter(([, zh]) => englishRun(zh) !== undefined || dataPath(zh) !== undefined).map(([en, zh]) => ({ en, zh }));
    expect(english).toEqual([]);
    const untranslated = all.filter(([en, zh]) => !zh.trim() || zh === en).map(([en]) => en);
    expect(untranslated).toEqual([]);
  });

  it("include the forms' and records' fixed refusals", () => {
    const en = [...registeredSentences().keys()];
    expect(en).toEqual(expect.arrayContaining([expect.stringMatching(/^has no catalogs, so there is no catalog form to make/)]));
    expect(registeredSentences().get(en.find((e) => e.startsWith('is a report workbook made by'))!)).toMatch(/^是由“plan-report generate”生成的报告工作簿/);
  });
});
