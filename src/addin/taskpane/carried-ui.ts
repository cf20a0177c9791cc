/**
 * The pane's side of a template carried by a workbook: the open workbook's
 * template offered first in the template list and named under it, and the
 * refusals of a template workbook (a form, another version, a damaged one)
 * said in the pane's language.
 */
import type { TemplateWorkbookError } from '../../core/record/carried-template';
import type { Template } from '../../core/template';
import type { Carried } from '../excel/carried';
import { fill, type Strings, type UiLocale } from './i18n';
import { templateLabel } from './templates';

/** The template list's value for the open workbook's template. */
export const CARRIED = '__workbook__';

/** A name quoted as the pane's language quotes it (Chinese quotation marks are full width). */
const quote = (name: string, words: Strings) => fill(words.quoted, { name });

/** A refusal in the pane's language: what is wrong with the file, and what to do. */
export function refusalText(err: TemplateWorkbookError, words: Strings): string {
  const text = {
    form: words.refusedForm,
    notReport: words.refusedNotReport,
    version: words.refusedVersion,
    damaged: words.refusedDamaged,
    unreadable: words.refusedUnreadable,
  }[err.kind];
  const file = err.problems[0]?.file ?? '';
  return fill(text, { file: file === 'workbook' ? words.thisWorkbook : quote(file, words) });
}

/**
 * Offers the open workbook's template first in the list (chosen), and names
 * it in the note under the list; says why a carried template cannot be used.
 * Returns the template offered.
 */
export function showCarried(select: HTMLSelectElement, note: HTMLElement, carried: Carried, words: Strings, ui: UiLocale): Template | undefined {
  select.querySelector(`option[value="${CARRIED}"]`)?.remove();
  note.hidden = !carried;
  note.className = 'note';
  delete note.dataset.kind;
  if (!carried) return undefined;
  if ('refused' in carried) {
    note.textContent = refusalText(carried.refused, words);
    note.className = 'note error';
    note.dataset.kind = carried.refused.kind;
    return undefined;
  }
  const name = quote(templateLabel({ name: carried.template.name, template: carried.template }, ui), words);
  const option = new Option(fill(words.carriedOption, { name }), CARRIED, true, true);
  select.prepend(option);
  select.value = CARRIED;
  note.textContent = fill(words.carriedNote, { name });
  note.dataset.kind = 'carried';
  return carried.template;
}
