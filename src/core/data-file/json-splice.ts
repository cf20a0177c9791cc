/**
 * Edits a JSON text in place: each edit replaces, inserts or removes the text
 * of one value, and every other byte stays as it was (a file written one row
 * a line keeps that layout; an indented one its indentation). Each edit scans
 * the file once, along its path.
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
