/** Workbooks written by hand, part by part, as other programs write them (for the parts reader's tests). */
import { zip } from '../../../support/forms';

const x = (s: string) => Buffer.from(s, 'utf8');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written by hand: sheets (name, XML inside <worksheet>, text after it), shared strings, styles. */
export function handmade(
  sheets: { name: string; xml: string; after?: string }[],
  opts: { strings?: string; styles?: string; workbookPr?: string; prefix?: boolean } = {},
): Buffer {
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.strings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.styles !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return zip([
    {
      name: '_rels/.rels',
      data: x(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        `<?xml version="1.0" encoding="UTF-8"?>\r\n<workbook ${NS}>${opts.workbookPr ?? ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
      ),
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: x(
        opts.prefix
          ? `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${s.xml}</x:worksheet>${s.after ?? ''}`
          : `<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>${s.after ?? ''}`,
      ),
    })),
    ...(opts.strings !== undefined ? [{ name: 'xl/sharedStrings.xml', data: x(`<?xml version="1.0"?><sst ${NS}>${opts.strings}</sst>`) }] : []),
    ...(opts.styles !== undefined ? [{ name: 'xl/styles.xml', data: x(`<?xml version="1.0"?><styleSheet ${NS}>${opts.styles}</styleSheet>`) }] : []),
  ]);
}
