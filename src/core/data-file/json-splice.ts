/**
 * Edits a JSON text in place: each edit replaces, inserts or removes the text
 * of one value, and every other byte stays as it was (a file written one row
 * a line keeps that layout; an indented one its indentation). spliceJson
 * makes one edit, scanning the file once along its path; spliceAll makes
 * many in one pass (each edited item is found once, edited on its own, and
 * the text put together once), so that a large file keeps its layout
 * however many edits it gets.
 */
import type { Edit } from '../forms/collect';
import type { Path } from '../rules';

/** A member of an object (with its key) or an element of an array: where its text starts (the key's quote) and its value's span. */
interface Member {
  key?: string;
  /** The key's opening quote, or the element's first character. */
  head: number;
  /** What lies between the key and the value (`": "`). */
  colon: string;
  start: number;
  end: number;
}

export class SpliceError extends Error {}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function ws(t: string, i: number): number {
  while (i < t.length && isWs(t.charCodeAt(i))) i++;
  return i;
}

/** The index after the string opening at `i`. */
function stringEnd(t: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = t.indexOf('"', j);
    if (q === -1) throw new SpliceError('an unclosed string');
    let b = q - 1;
    while (t.charCodeAt(b) === 0x5c) b--;
    if ((q - b) % 2 === 1) return q + 1;
    j = q + 1;
  }
}

/** The index after the value starting at `i`. */
function valueEnd(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c === 0x22) return stringEnd(t, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 0x22) j = stringEnd(t, j) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
    }
    throw new SpliceError('an unclosed object or array');
  }
  let j = i;
  while (j < t.length && !isWs(t.charCodeAt(j)) && !',]}'.includes(t[j])) j++;
  if (j === i) throw new SpliceError(`no value at offset ${i}`);
  return j;
}

/** The members of the object or array opening at `open`, and where it closes. */
function children(t: string, open: number): { members: Member[]; close: number; object: boolean } {
  const object = t[open] === '{';
  const members: Member[] = [];
  let i = ws(t, open + 1);
  if (t[i] === (object ? '}' : ']')) return { members, close: i, object };
  for (;;) {
    const head = i;
    let key: string | undefined;
    let colon = '';
    if (object) {
      const keyEnd = stringEnd(t, i);
      key = JSON.parse(t.slice(i, keyEnd)) as string;
      const v = ws(t, ws(t, keyEnd) + 1);
      colon = t.slice(keyEnd, v);
      i = v;
    }
    const end = valueEnd(t, i);
    members.push({ key, head, colon, start: i, end });
    i = ws(t, end);
    if (t[i] === ',') i = ws(t, i + 1);
    else if (t[i] === (object ? '}' : ']')) return { members, close: i, object };
    else throw new SpliceError(`a "," or the end expected at offset ${i}`);
  }
}

function find(members: Member[], object: boolean, key: string | number): number {
  return object ? members.findIndex((m) => m.key === key) : typeof key === 'number' && key < members.length ? key : -1;
}

/** Where the value at `path` starts. */
function valueAt(t: string, root: number, path: Path): number {
  let at = root;
  for (const key of path) {
    if (t[at] !== '{' && t[at] !== '[') throw new SpliceError(`no object or array at ${path.join('.')}`);
    const { members, object } = children(t, at);
    const k = find(members, object, key);
    if (k === -1) throw new SpliceError(`nothing at ${path.join('.')}`);
    at = members[k].start;
  }
  return at;
}

/** The whitespace before a member's text (after the comma or bracket before it). */
function lead(t: string, m: Member): string {
  let i = m.head;
  while (i > 0 && isWs(t.charCodeAt(i - 1))) i--;
  return t.slice(i, m.head);
}

/** A value's text, laid out like a sibling: on one line, or indented as the sibling is. */
function render(value: unknown, t: string, sibling: Member | undefined, indent: string): string {
  if (!sibling || !t.slice(sibling.start, sibling.end).includes('\n')) return JSON.stringify(value);
  const margin = lead(t, sibling).split('\n').pop() ?? '';
  return JSON.stringify(value, null, indent).replace(/\n/g, `\n${margin}`);
}

function splice(t: string, from: number, to: number, text: string): string {
  return t.slice(0, from) + text + t.slice(to);
}

/**
 * Applies one edit to the text. `insertAt` places a new key among the keys
 * of its object (the format's order).
 */
export function spliceJson(t: string, root: number, e: Edit, indent: string, insertAt: (keys: string[], key: string) => number): string {
  if (e.op === 'append') {
    const open = valueAt(t, root, e.path);
    if (t[open] !== '[') throw new SpliceError(`no list at ${e.path.join('.')}`);
    const { members, close } = children(t, open);
    const last = members.at(-1);
    if (!last) return splice(t, open + 1, close, JSON.stringify(e.value));
    return splice(t, last.end, last.end, `,${lead(t, last)}${render(e.value, t, last, indent)}`);
  }
  const key = e.path[e.path.length - 1];
  const open = valueAt(t, root, e.path.slice(0, -1));
  if (t[open] !== '{' && t[open] !== '[') throw new SpliceError(`no object or array at ${e.path.join('.')}`);
  const { members, close, object } = children(t, open);
  const k = find(members, object, key);
  if (e.op === 'delete') {
    if (k === -1) return t;
    if (k > 0) return splice(t, members[k - 1].end, members[k].end, '');
    if (members.length > 1) return splice(t, members[0].head, members[1].head, '');
    return splice(t, open + 1, close, '');
  }
  if (k !== -1) return splice(t, members[k].start, members[k].end, render(e.value, t, members[k], indent));
  if (!object) throw new SpliceError(`no element ${String(key)} at ${e.path.join('.')}`);
  const at = insertAt(
    members.map((m) => m.key!),
    String(key),
  );
  const next = members[at];
  const prev = members[at - 1];
  const like = prev ?? next;
  const colon = like?.colon ?? ':';
  const member = `${JSON.stringify(key)}${colon}${JSON.stringify(e.value)}`;
  if (prev) return splice(t, prev.end, prev.end, `,${lead(t, prev)}${member}`);
  if (next) return splice(t, next.head, next.head, `${member},${lead(t, next)}`);
  return splice(t, open + 1, close, member);
}

/** The containers whose members were listed, by the offset where each opens. */
type Listed = Map<number, { members: Member[]; close: number; object: boolean }>;

/** Where the value at `path` starts, listing each container on the way once (`listed` is shared by every lookup). */
function valueAtListed(t: string, root: number, path: Path, listed: Listed): number {
  let at = root;
  for (const key of path) {
    if (t[at] !== '{' && t[at] !== '[') throw new SpliceError(`no object or array at ${path.join('.')}`);
    let c = listed.get(at);
    if (!c) listed.set(at, (c = children(t, at)));
    const k = find(c.members, c.object, key);
    if (k === -1) throw new SpliceError(`nothing at ${path.join('.')}`);
    at = c.members[k].start;
  }
  return at;
}

/** The item an edit changes: the object or array holding the key it sets or deletes, or the list it appends to. */
const itemOf = (e: Edit): Path => (e.op === 'append' ? e.path : e.path.slice(0, -1));
const pathKey = (p: Path) => JSON.stringify(p);

/**
 * Applies every edit, in order, in one pass over the text: the edits are
 * grouped by the item they change (an item inside another edited item goes
 * with the outer one), each item's text is found once and edited on its own
 * with spliceJson, and the text is put together once. Gives undefined when
 * the edits would cost more than `maxWork` (bytes of the items edited times
 * their edits).
 */
export function spliceAll(
  t: string,
  root: number,
  edits: Edit[],
  indent: string,
  insertAt: (e: Edit) => (keys: string[], key: string) => number,
  maxWork: number,
): string | undefined {
  // Groups, outer items first, so that an item inside an edited one joins it.
  const items = [...new Set(edits.map((e) => pathKey(itemOf(e))))].map((k) => JSON.parse(k) as Path).sort((a, b) => a.length - b.length);
  const groupOf = new Map<string, { item: Path; edits: Edit[] }>();
  for (const item of items) {
    let outer: { item: Path; edits: Edit[] } | undefined;
    for (let n = 0; n < item.length && !outer; n++) outer = groupOf.get(pathKey(item.slice(0, n)));
    groupOf.set(pathKey(item), outer ?? { item, edits: [] });
  }
  const groups = [...new Set(groupOf.values())];
  for (const e of edits) groupOf.get(pathKey(itemOf(e)))!.edits.push(e);

  const listed: Listed = new Map();
  const spans = groups.map((g) => {
    const start = valueAtListed(t, root, g.item, listed);
    return { g, start, end: valueEnd(t, start) };
  });
  if (spans.reduce((w, s) => w + (s.end - s.start) * s.g.edits.length, 0) > maxWork) return undefined;
  spans.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const { g, start, end } of spans) {
    if (start < at) throw new SpliceError('edited items overlap');
    let text = t.slice(start, end);
    for (const e of g.edits) text = spliceJson(text, 0, { ...e, path: e.path.slice(g.item.length) } as Edit, indent, insertAt(e));
    out.push(t.slice(at, start), text);
    at = end;
  }
  out.push(t.slice(at));
  return out.join('');
}
