/**
 * How many lines a text takes wrapped in a column, as Excel and LibreOffice
 * wrap it: at spaces, and between any two CJK characters; a word longer than
 * the column breaks where it must. Widths are in character cells of Calibri
 * 11 (a digit), erring wide so that a row is never too short for its text: a
 * Latin letter takes one, a space half, a CJK character 2.1 (an 11 pt square
 * glyph is 2.1 digits wide).
 */

const SPACE = 0.5;
const WIDE = 2.1;

function isWide(c: number): boolean {
  return c >= 0x2e80 && !(c >= 0xd800 && c <= 0xdfff);
}

/** Lines of `text` (one paragraph, no newline) in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 1;
  let used = 0;
  let word = 0;
  /** Ends the word being read: onto this line, the next, or over several. */
  const place = () => {
    if (!word) return;
    if (used > 0 && used + word > room) {
      lines++;
      used = 0;
    }
    while (word > room) {
      word -= room;
      lines++;
    }
    used += word;
    word = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      place();
      used += SPACE;
    } else if (isWide(c)) {
      place();
      // A CJK character is a word of its own (lines break between any two).
      word = WIDE;
      place();
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      continue;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      place();
      word = WIDE;
      place();
    } else word += 1;
  }
  place();
  return lines;
}
