/**
 * When a workbook was made, said the same way for two workbooks made at different moments: ISO times (document
 * properties, the report record), and the local time the About and Instructions sheets show, in either language.
 * Two runs of a command a second apart can straddle a minute, so every comparison of two writings masks all three.
 */
export const timeless = (xml: string): string =>
  xml
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)/g, '<local time>')
    .replace(/\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（UTC[+-]\d\d:\d\d）/g, '<local time>');
