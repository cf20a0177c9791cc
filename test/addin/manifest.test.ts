/**
 * manifest.xml, checked offline (`office-addin-manifest validate` needs the
 * network): well-formed, an Excel task pane with a Home-tab button, every
 * resource id it refers to defined, every URL a file the build emits, icons
 * of the sizes it declares, English and Simplified Chinese.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORE_API, FEATURE_API } from '../../src/addin/excel/capabilities';
import { addinBuild } from './build-addin';
import { apiMinor, OFFICE_MEMBERS } from './fake-excel/api-sets';
import { ROOT } from './support';

// xml2js comes with office-addin-manifest; it has no types of its own here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise(xml: string): Promise<XmlNode> };

interface XmlNode {
  [child: string]: unknown;
  $?: Record<string, string>;
  _?: string;
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  text?: string;
  parent?: Element;
}

/** Every element, depth first, with its parent. */
function elements(root: XmlNode): Element[] {
  const out: Element[] = [];
  const visit = (name: string, node: unknown, parent?: Element) => {
    if (typeof node === 'string') {
      out.push({ name, attrs: {}, text: node, parent });
      return;
    }
    const n = node as XmlNode;
    const el: Element = { name, attrs: n.$ ?? {}, text: n._, parent };
    out.push(el);
    for (const [k, v] of Object.entries(n)) if (k !== '$' && k !== '_') for (const child of v as unknown[]) visit(k, child, el);
  };
  for (const [k, v] of Object.entries(root)) visit(k, v);
  return out;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const BASE = 'https://localhost:3000/';
let els: Element[];
let built: string;

beforeAll(async () => {
  els = elements(await parseStringPromise(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')));
  built = path.join(await addinBuild(), 'addin');
}, 120_000);

const all = (name: string) => els.filter((e) => e.name === name);
/** The one element of that name (under a parent of that name, when given). */
const one = (name: string, parent?: string) => {
  const found = all(name).filter((e) => parent === undefined || e.parent?.name === parent);
  expect({ name, count: found.length }).toEqual({ name, count: 1 });
  return found[0];
};

describe('manifest.xml', () => {
  it('is an Excel workbook task pane that may read and write the document', () => {
    expect(one('OfficeApp').attrs['xsi:type']).toBe('TaskPaneApp');
    expect(one('Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one('Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(
      all('Host')
        .filter((h) => h.parent?.name === 'Hosts' && h.parent.parent?.name === 'OfficeApp')
        .map((h) => h.attrs.Name),
    ).toEqual(['Workbook']);
    expect(one('Permissions').text).toBe('ReadWriteDocument');
    expect(one('SourceLocation', 'DefaultSettings').attrs.DefaultValue).toBe(`${BASE}taskpane.html`);
    expect(all('Set').map((s) => s.attrs.Name)).toContain('ExcelApi');
  });

  it('asks for an ExcelApi set no newer than the pane needs to open, and every newer member the add-in uses is checked at run time', () => {
    const declared = all('Set').find((s) => s.attrs.Name === 'ExcelApi')!.attrs.MinVersion;
    const min = apiMinor(declared);
    expect(min).toBeGreaterThanOrEqual(1);
    // The pane opens where the report's core set is missing, to say which Excel is needed.
    expect(min).toBeLessThanOrEqual(apiMinor(CORE_API));
    const unchecked = Object.entries(OFFICE_MEMBERS)
      .filter(([, [set]]) => apiMinor(set) > min)
      .filter(([, [set, feature]]) => apiMinor(set) > apiMinor(feature ? FEATURE_API[feature] : CORE_API))
      .map(([member, [set]]) => `${member} (${set})`);
    expect({ declared, unchecked }).toEqual({ declared, unchecked: [] });
    // The members the pane uses before it checks (the common API) need no ExcelApi set.
    expect(Object.entries(OFFICE_MEMBERS).filter(([m, [set]]) => m.startsWith('Office.') && set !== '')).toEqual([]);
  });

  it('has a button on the Home tab that opens the task pane, with 16, 32 and 80 pixel icons', () => {
    expect(one('OfficeTab').attrs.id).toBe('TabHome');
    const control = one('Control');
    expect(control.attrs['xsi:type']).toBe('Button');
    expect(one('Action').attrs['xsi:type']).toBe('ShowTaskpane');
    for (const owner of ['Group', 'Control']) {
      const sizes = all('bt:Image')
        .filter((i) => i.parent?.name === 'Icon' && i.parent.parent?.name === owner)
        .map((i) => i.attrs.size);
      expect({ owner, sizes }).toEqual({ owner, sizes: ['16', '32', '80'] });
    }
  });

  it('defines every resource id it refers to, once, and uses every one it defines', () => {
    const refs = new Set(els.filter((e) => e.attrs.resid).map((e) => e.attrs.resid));
    const defined = els.filter((e) => e.parent && ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'].includes(e.parent.name)).map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...refs].filter((r) => !defined.includes(r))).toEqual([]);
    expect(defined.filter((d) => !refs.has(d))).toEqual([]);
    for (const r of refs) expect(r.length).toBeLessThanOrEqual(32);
  });

  it('has its names and descriptions in English and Simplified Chinese, within the schema lengths', () => {
    for (const name of ['DisplayName', 'Description']) {
      const el = one(name, 'OfficeApp');
      const zh = all('Override').find((o) => o.parent === el);
      expect({ name, zh: zh?.attrs.Locale }).toEqual({ name, zh: 'zh-CN' });
      expect(zh!.attrs.Value).toMatch(/[\u4e00-\u9fff]/);
      expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(name === 'DisplayName' ? 125 : 250);
    }
    for (const s of all('bt:String')) {
      const limit = s.parent?.name === 'bt:ShortStrings' ? 125 : 250;
      const zh = all('bt:Override').find((o) => o.parent === s);
      expect({ id: s.attrs.id, zh: zh?.attrs.Locale }).toEqual({ id: s.attrs.id, zh: 'zh-CN' });
      for (const v of [s.attrs.DefaultValue, zh!.attrs.Value]) expect(v.length).toBeLessThanOrEqual(limit);
    }
  });

  it('points every URL at a file the build emits', () => {
    const values = els.flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([k]) => !k.startsWith('xmlns'))
        .map(([, v]) => v)
        .concat(e.text ?? []),
    );
    const urls = values.filter((v) => /^https?:\/\//i.test(v.trim()));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      if (url === BASE.slice(0, -1)) continue; // the AppDomain
      expect(url.startsWith(BASE)).toBe(true);
      const file = path.join(built, url.slice(BASE.length));
      expect({ url, emitted: existsSync(file) }).toEqual({ url, emitted: true });
    }
    expect(readFileSync(path.join(built, 'manifest.xml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  });

  it('has icons of the sizes it declares', () => {
    const file = (url: string) => path.join(built, url.slice(BASE.length));
    const images = new Map(
      all('bt:Image')
        .filter((i) => i.attrs.id)
        .map((i) => [i.attrs.id, i.attrs.DefaultValue]),
    );
    for (const use of all('bt:Image').filter((i) => i.attrs.resid)) {
      const size = Number(use.attrs.size);
      expect({ resid: use.attrs.resid, ...pngSize(file(images.get(use.attrs.resid)!)) }).toEqual({ resid: use.attrs.resid, width: size, height: size });
    }
    expect(pngSize(file(one('IconUrl').attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
    expect(pngSize(file(one('HighResolutionIconUrl').attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
  });

  it('loads office.js from the CDN in the pages Office opens', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(readFileSync(path.join(built, page), 'utf8')).toMatch(/<script[^>]* src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    }
  });
});
