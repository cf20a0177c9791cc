/**
 * The text of page headers and footers. Excel refuses (and repairs) a header
 * or footer over 255 characters, so a long title, region or lead department
 * is shortened with an ellipsis here, in the header only, never in the cells.
 */
import { labelsFor } from '../i18n';
import type { Locale } from '../schema';

/** Excel's limit on a header or footer, codes included. */
export const MAX_HEADER = 255;

const esc = (s: string) => s.replace(/&/g, '&&');

/** `text` escaped, cut with an ellipsis to at most `room` characters once escaped. */
function fit(text: string, room: number): string {
  if (esc(text).length <= room) return esc(text);
  let out = '';
  for (const ch of text) {
    const next = out + esc(ch);
    if (next.length + 1 > room) break;
    out = next;
  }
  return `${out}…`;
}

/** `&L<left>&R<right>`, escaped, the longer part (or both) shortened with an ellipsis so that the whole is at most 255 characters. */
export function truncateHeader(left: string, right: string): string {
  const room = MAX_HEADER - '&L&R'.length;
  const l = esc(left).length;
  const r = esc(right).length;
  let leftRoom = l;
  let rightRoom = r;
  if (l + r > room) {
    const half = Math.floor(room / 2);
    if (l <= half) rightRoom = room - l;
    else if (r <= half) leftRoom = room - r;
    else [leftRoom, rightRoom] = [room - half, half];
  }
  return `&L${fit(left, leftRoom)}&R${fit(right, rightRoom)}`;
}

/** The footer: the sheet's name at the left, "Page 1 of 9" / "第 1 页，共 9 页" at the right. */
export function footerText(sheetName: string, locale: Locale): string {
  const { page, of, after } = labelsFor(locale).print;
  return `&L${esc(sheetName)}&R${esc(page)} &P ${esc(of)} &N${after ? ` ${esc(after)}` : ''}`;
}
