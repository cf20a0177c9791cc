/**
 * How many lines a text takes wrapped in a column, as Excel and LibreOffice
 * wrap it: at spaces, and between any two CJK characters; a word longer than
 * the column breaks where it must.
 *
 * Widths are in character cells of the column (a digit of Calibri 11), from
 * Calibri's own advance widths (Carlito has the same metrics): Latin text
 * averages 0.88 of a digit in the seeds (measured on LibreOffice renders with
 * pdftotext -bbox), "m" takes 1.58 and "i" 0.45, so counting every letter as
 * a digit wasted a line in five. A CJK character is an 11 pt square: 1.97
 * digits. Every width is taken SAFETY (5%) wider (Excel prints text a little wider
 * than its 7-pixel character cell; bold headers are wider), so that a row is
 * never too short for its text.
 */

/** Calibri's advance widths of the printable ASCII characters (0x20..0x7e), in 1/2048 em; a digit is 1038. */
const ASCII = [
  463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548,
  1020, 1020, 1020, 949, 1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162,
  1822, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801,
  686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
];
const DIGIT = 1038;
/** How much wider than Calibri's metrics text is counted. */
const SAFETY = 1.05;
/** A CJK character (and any other wide one), in digits: 11 pt over a 5.58 pt digit. */
const WIDE = 1.97 * SAFETY;
/** A character outside ASCII that is not wide (accented Latin, punctuation): as wide as a digit. */
const OTHER = SAFETY;
/** The room a cell's text has: its column less the cell's padding, in digits. */
const PADDING = 0.7;

function isWide(c: number): boolean {
  return c >= 0x2e80 && !(c >= 0xd800 && c <= 0xdfff);
}

/** The widths of the printable ASCII characters, in digits, SAFETY included: worked out once, not once a character. */
const ASCII_WIDTHS = Float64Array.from(ASCII, (w) => (w / DIGIT) * SAFETY);

/** The width of one UTF-16 unit of text (a non-wide, non-surrogate character), in digits. */
function charWidth(c: number): number {
  return c >= 0x20 && c <= 0x7e ? ASCII_WIDTHS[c - 0x20] : OTHER;
}

/** Lines of `text` (one paragraph, no newline) in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - PADDING);
  // No UTF-16 unit is wider than a CJK character: text that fits at that width (and one more, against rounding) is one
  // line, found without measuring it (most cells of a large sheet).
  if ((text.length + 1) * WIDE <= room) return 1;
  return measuredLines(text, width);
}

/** wrappedLines measured character by character, without its shortcut for short text (a test compares the two). */
export function measuredLines(text: string, width: number): number {
  const room = Math.max(1, width - PADDING);
  const space = ASCII_WIDTHS[0];
  let lines = 1;
  let used = 0;
  let word = 0;
  // One pass with no closure and no call a character (100,000 rows' product names are measured); the end of the text
  // ends its last word as a space does.
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    // A CJK character (or one past the BMP) is a word of its own: lines break between any two.
    const wide = c >= 0x2e80;
    if (!wide && c !== 0x20 && c !== 0x09) {
      word += c >= 0x20 && c <= 0x7e ? ASCII_WIDTHS[c - 0x20] : OTHER;
      continue;
    }
    // The word read so far ends (and then the wide character's own): onto this line, the next, or over several.
    for (let k = wide ? 2 : 1; k > 0; k--) {
      if (word) {
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
      }
      if (k === 2) word = WIDE;
    }
    // A space at the end of a line takes no room on it.
    if (!wide && used > 0) used += space;
  }
  return lines;
}

/** The width a text takes on one line (its widest line, when it has several), in columns' character cells. */
export function lineWidth(text: string): number {
  let widest = 0;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) used = 0;
    else if (isWide(c) || (c >= 0xd800 && c <= 0xdbff)) used += WIDE;
    else if (c >= 0xdc00 && c <= 0xdfff) continue;
    else used += charWidth(c);
    widest = Math.max(widest, used);
  }
  return widest + PADDING;
}

/** The width of a text's longest word (what cannot wrap), in columns' character cells. */
export function longestWord(text: string): number {
  let longest = 0;
  let word = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a) word = 0;
    else if (isWide(c) || (c >= 0xd800 && c <= 0xdbff)) word = WIDE;
    else if (c >= 0xdc00 && c <= 0xdfff) continue;
    else word += charWidth(c);
    longest = Math.max(longest, word);
    if (isWide(c)) word = 0;
  }
  return longest + PADDING;
}
