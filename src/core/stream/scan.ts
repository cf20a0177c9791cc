/**
 * A byte-level scanner of a JSON data file, fed chunk by chunk, that finds
 * the elements of its row lists (`plans[*].measures` and
 * `catalogs[*].entries`) without parsing them, so that each can be parsed on
 * its own and none has to stay in memory. Everything else in the file, with
 * those lists left empty, is the skeleton: small, and parsed whole.
 *
 * The scanner only tokenizes as far as it must (strings, brackets, commas
 * between row elements); it does not check the rest of the syntax. It does
 * not need to: the skeleton and every element are handed to JSON.parse, and
 * a skeleton that parses with elements that parse, separated by commas, is
 * the file parsing. What it cannot stream (a top level that is not a
 * mapping, a row element that is not a mapping, anything but whitespace and
 * one comma between elements, a file that ends early) it refuses with
 * NotStreamable, and the whole-file reader then says what is wrong and where.
 */
import { MAX_DEPTH } from '../data-file/bounds';
import type { Problem } from '../rules';

/**
 * The file cannot be read in a stream; the whole-file reader will say why.
 * `problems` say what was found first, with its path in the data, for a file
 * too large to be read whole.
 */
export class NotStreamable extends Error {
  readonly problems: Problem[];
  constructor(reason: string, problems?: Problem[]) {
    super(reason);
    this.name = 'NotStreamable';
    this.problems = problems ?? [{ path: [], message: reason }];
  }
}

/** The kinds of row lists: the measures of a plan, the entries of a catalog. */
export const MEASURES = 0;
export const ENTRIES = 1;
export type RowKind = typeof MEASURES | typeof ENTRIES;

export interface ScanSink {
  /**
   * One element of a row list: `plans[list].measures[index]` (MEASURES) or
   * `catalogs[list].entries[index]` (ENTRIES), its bytes `bytes[start..end)`
   * (valid only during the call), and `keys`: the keys its mapping has as
   * written (a key written twice counts twice). Returning true stops the scan.
   */
  row(kind: RowKind, list: number, index: number, bytes: Uint8Array, start: number, end: number, keys: number): boolean | void;
  /** The next bytes of the skeleton (valid only during the call); absent when the skeleton is not wanted. */
  skeleton?(bytes: Uint8Array, start: number, end: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** Containers of the skeleton, by what they are in a data file. */
const OTHER_OBJECT = 0;
const OTHER_ARRAY = 1;
const ROOT = 2;
const PLANS = 3;
const CATALOGS = 4;
const PLAN = 5;
const CATALOG = 6;

/** What the scanner is in the middle of. */
const SKELETON = 0;
/** A string of the skeleton. */
const SKELETON_STRING = 1;
/** In a row list, before an element (just after `[`: `]` may close an empty list). */
const ROWS_FIRST = 2;
/** In a row list, after `,`: an element must follow. */
const ROWS_NEXT = 3;
/** In a row list, after an element: `,` or `]`. */
const ROWS_AFTER = 4;
/** In a row element. */
const ELEMENT = 5;

const BOM = [0xef, 0xbb, 0xbf];

const isSpace = (b: number) => b === SPACE || b === LF || b === CR || b === TAB;

/** The longest key (as written, escapes included) the scanner keeps to recognize `plans`, `measures`, ... */
const MAX_KEY_BYTES = 64;

export class RowScanner {
  private mode = SKELETON;
  /** The skeleton's open containers, outermost first. */
  private readonly stack: number[] = [];
  /** In a mapping of the skeleton, the next string is a key. */
  private expectKey = false;
  /** The key being read (when it is one of the keys that matter), and the last one read. */
  private keyBytes: number[] | undefined;
  private key = '';
  /** A backslash ended the previous chunk inside a string: the next byte is escaped. */
  private escaped = false;
  private rootSeen = false;
  /** Bytes of a byte order mark seen at the start; -1 once past it. */
  private bom = 0;
  /** The plan and catalog open, by index in their lists. */
  private plan = -1;
  private catalog = -1;
  /** The row list open: its kind, list, and the elements seen so far. */
  private kind: RowKind = MEASURES;
  private list = 0;
  private index = 0;
  /** In an element: where its scan is, and its bytes from earlier chunks. */
  private readonly element: ElementState = { depth: 0, keys: 0, inString: false, escaped: false };
  private pending = new Uint8Array(0);
  private pendingLength = 0;
  private stopped = false;
  /** In the chunk being scanned: where the skeleton's bytes not yet handed to the sink start, and where the element being read starts. */
  private segStart = 0;
  private elemStart = 0;

  constructor(private readonly sink: ScanSink) {}

  /** Whether the sink stopped the scan. */
  get done(): boolean {
    return this.stopped;
  }

  /** Scans the next chunk of the file. */
  push(c: Uint8Array): void {
    if (this.stopped) return;
    const n = c.length;
    let i = this.skipBom(c);
    this.segStart = i;
    this.elemStart = 0;
    // Each scan goes on while its mode lasts and returns where it stopped: the end of the chunk, or where the mode changed.
    while (i < n) {
      const mode = this.mode;
      if (mode === ELEMENT) {
        i = this.scanElement(c, i, n);
        if (this.stopped) return;
      } else if (mode === SKELETON) i = this.scanSkeleton(c, i, n);
      else if (mode === SKELETON_STRING) i = this.scanSkeletonString(c, i, n);
      else i = this.scanBetweenRows(c, i, n);
    }
    const mode = this.mode;
    if (this.sink.skeleton && (mode === SKELETON || mode === SKELETON_STRING) && n > this.segStart) this.sink.skeleton(c, this.segStart, n);
    if (mode === ELEMENT) this.append(c, this.elemStart, n); // an element that goes on in the next chunk
  }

  /** Skips a UTF-8 byte order mark (EF BB BF) at the start of the file, even split between chunks: where the chunk's content starts. */
  private skipBom(c: Uint8Array): number {
    let i = 0;
    while (this.bom >= 0 && i < c.length) {
      if (c[i] !== BOM[this.bom]) {
        if (this.bom > 0) throw new NotStreamable('not UTF-8: the start of a byte order mark');
        this.bom = -1;
        break;
      }
      i++;
      if (++this.bom === BOM.length) this.bom = -1;
    }
    return i;
  }

  /** In a row element: hands it to the sink once it ends (in this chunk or a later one). */
  private scanElement(c: Uint8Array, i: number, n: number): number {
    // Most of a data file's bytes are rows: their loop is a function of its own, small enough to stay fast.
    const el = this.element;
    const after = elementEnd(c, i, n, el);
    if (after < 0) return n; // the element goes on in the next chunk
    let stop: boolean | void;
    if (this.pendingLength) {
      this.append(c, 0, after);
      stop = this.sink.row(this.kind, this.list, this.index, this.pending, 0, this.pendingLength, el.keys);
      this.pendingLength = 0;
    } else stop = this.sink.row(this.kind, this.list, this.index, c, this.elemStart, after, el.keys);
    this.index++;
    this.mode = ROWS_AFTER;
    if (stop) this.stopped = true;
    return after;
  }

  /** In a row list, between elements: whitespace, one comma between elements, `{` starting one, `]` closing the list. */
  private scanBetweenRows(c: Uint8Array, i: number, n: number): number {
    for (; i < n; i++) {
      const b = c[i];
      if (isSpace(b)) continue;
      const mode = this.mode;
      if (b === LBRACE && mode !== ROWS_AFTER) {
        this.mode = ELEMENT;
        this.elemStart = i;
        const el = this.element;
        el.depth = 1;
        el.keys = 0;
        el.inString = false;
        return i + 1;
      }
      if (b === COMMA && mode === ROWS_AFTER) {
        this.mode = ROWS_NEXT;
        continue;
      }
      if (b === RBRACKET && mode !== ROWS_NEXT) {
        // The list closes: the skeleton goes on from its `]`.
        this.mode = SKELETON;
        this.segStart = i;
        this.stack.pop();
        this.expectKey = false;
        return i + 1;
      }
      const at = [...this.listPath(), this.index];
      if (b === LBRACE || b === RBRACKET || b === COMMA)
        throw new NotStreamable('misplaced punctuation', [{ path: at, message: 'invalid JSON: expected "," between items, or "]" after the last' }]);
      throw new NotStreamable('a row that is not a mapping', [{ path: at, message: 'expected a mapping of keys to values' }]);
    }
    return n;
  }

  /** In a string of the skeleton, keeping its bytes when it is a key that matters. */
  private scanSkeletonString(c: Uint8Array, i: number, n: number): number {
    if (this.escaped) {
      this.escaped = false;
      this.keyBytes?.push(c[i]);
      i++;
    }
    const keyBytes = this.keyBytes;
    for (; i < n; i++) {
      const d = c[i];
      if (d === QUOTE) break;
      if (keyBytes && keyBytes.length <= MAX_KEY_BYTES) {
        keyBytes.push(d);
        if (d === BACKSLASH && i + 1 < n) keyBytes.push(c[i + 1]);
      }
      if (d === BACKSLASH) i++;
    }
    if (i >= n) {
      if (i > n) this.escaped = true;
      return n;
    }
    if (keyBytes) {
      this.key = keyText(keyBytes);
      this.keyBytes = undefined;
    }
    this.mode = SKELETON;
    return i + 1;
  }

  /** In the skeleton, outside strings: follows its containers and keys to find the row lists. */
  private scanSkeleton(c: Uint8Array, i: number, n: number): number {
    const stack = this.stack;
    for (; i < n; i++) {
      const b = c[i];
      if (b === QUOTE) {
        const top = stack.length ? stack[stack.length - 1] : -1;
        const keyed = this.expectKey && (top === ROOT || top === PLAN || top === CATALOG);
        this.keyBytes = keyed ? [] : undefined;
        this.expectKey = false;
        this.mode = SKELETON_STRING;
        return i + 1;
      }
      if (b === LBRACE || b === LBRACKET) {
        if (this.open(c, i, b === LBRACE)) return i + 1;
      } else if (b === RBRACE || b === RBRACKET) {
        if (!stack.length) throw new NotStreamable('invalid JSON: a closing bracket without an opening one');
        stack.pop();
        this.expectKey = false;
      } else if (b === COMMA) {
        const top = stack.length ? stack[stack.length - 1] : -1;
        this.expectKey = top === ROOT || top === PLAN || top === CATALOG || top === OTHER_OBJECT;
      } else if (!stack.length && !isSpace(b) && this.rootSeen)
        throw new NotStreamable('invalid JSON: expected the end of the file after the top-level mapping');
    }
    return n;
  }

  /** A `{` or `[` of the skeleton at `c[i]`: what it is in a data file; true when it opens a row list (the mode is then ROWS_FIRST). */
  private open(c: Uint8Array, i: number, object: boolean): boolean {
    const stack = this.stack;
    // Read whole instead, which refuses it at its line and column before a recursive parser sees it.
    if (stack.length >= MAX_DEPTH) throw new NotStreamable(`nested more than ${MAX_DEPTH} levels deep`);
    const top = stack.length ? stack[stack.length - 1] : -1;
    let role = object ? OTHER_OBJECT : OTHER_ARRAY;
    if (top === -1) {
      if (this.rootSeen) throw new NotStreamable('invalid JSON: expected the end of the file after the top-level mapping');
      if (!object) throw new NotStreamable('expected a mapping of keys to values at the top level');
      this.rootSeen = true;
      role = ROOT;
    } else if (top === ROOT && !object && this.key === 'plans') role = PLANS;
    else if (top === ROOT && !object && this.key === 'catalogs') role = CATALOGS;
    else if (top === PLANS && object) {
      role = PLAN;
      this.plan++;
    } else if (top === CATALOGS && object) {
      role = CATALOG;
      this.catalog++;
    } else if (!object && ((top === PLAN && this.key === 'measures') || (top === CATALOG && this.key === 'entries'))) {
      // A row list: its elements are the sink's, the skeleton keeps `[]`.
      if (this.sink.skeleton && i + 1 > this.segStart) this.sink.skeleton(c, this.segStart, i + 1);
      stack.push(OTHER_ARRAY);
      this.kind = top === PLAN ? MEASURES : ENTRIES;
      this.list = top === PLAN ? this.plan : this.catalog;
      this.index = 0;
      this.mode = ROWS_FIRST;
      return true;
    }
    stack.push(role);
    this.expectKey = object;
    this.key = '';
    return false;
  }

  /** The end of the file: throws NotStreamable unless the top-level mapping was closed. */
  end(): void {
    if (this.stopped) return;
    if (this.mode !== SKELETON && this.mode !== SKELETON_STRING) {
      throw new NotStreamable('the file ends early', [
        { path: [...this.listPath(), this.index], message: 'invalid JSON: the file ends in the middle of this list' },
      ]);
    }
    if (this.mode !== SKELETON || this.stack.length || !this.rootSeen)
      throw new NotStreamable('invalid JSON: expected one mapping of keys to values, closed before the end of the file');
  }

  /** The path of the row list being read: `plans[3].measures`. */
  private listPath(): (string | number)[] {
    return this.kind === MEASURES ? ['plans', this.list, 'measures'] : ['catalogs', this.list, 'entries'];
  }

  /** Keeps bytes of an element that goes on in the next chunk. */
  private append(c: Uint8Array, start: number, end: number): void {
    const need = this.pendingLength + end - start;
    if (need > this.pending.length) {
      const grown = new Uint8Array(Math.max(need, this.pending.length * 2, 1024));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(c.subarray(start, end), this.pendingLength);
    this.pendingLength = need;
  }
}

/** Where the scan of a row element is: its nesting depth, the keys of its mapping so far, and whether in a string (after a backslash). */
interface ElementState {
  depth: number;
  keys: number;
  inString: boolean;
  escaped: boolean;
}

/**
 * Scans a row element from `c[i]` on: returns the index just past its
 * closing bracket, or -1 when the chunk ends first (`st` then says where
 * the scan is, for the next chunk).
 */
function elementEnd(c: Uint8Array, i: number, n: number, st: ElementState): number {
  let depth = st.depth;
  let keys = st.keys;
  if (st.inString) {
    if (st.escaped) {
      st.escaped = false;
      i++;
    }
    for (; i < n; i++) {
      const d = c[i];
      if (d === QUOTE) break;
      if (d === BACKSLASH) i++;
    }
    if (i >= n) {
      st.escaped = i > n;
      return -1;
    }
    st.inString = false;
    i++;
  }
  for (; i < n; i++) {
    const b = c[i];
    if (b === QUOTE) {
      for (i++; i < n; i++) {
        const d = c[i];
        if (d === QUOTE) break;
        if (d === BACKSLASH) i++;
      }
      if (i >= n) {
        st.inString = true;
        st.escaped = i > n;
        break;
      }
    } else if (b === COLON) {
      if (depth === 1) keys++;
    } else if (b === LBRACE || b === LBRACKET) depth++;
    else if (b === RBRACE || b === RBRACKET) {
      if (--depth === 0) {
        st.depth = 0;
        st.keys = keys;
        return i + 1;
      }
    }
  }
  st.depth = depth;
  st.keys = keys;
  return -1;
}

/** A key as JSON means it (escapes decoded); '' for one too long to be a key that matters. */
function keyText(bytes: number[]): string {
  if (bytes.length > MAX_KEY_BYTES) return '';
  let ascii = true;
  for (const b of bytes) if (b >= 0x80 || b === BACKSLASH) ascii = false;
  if (ascii) return String.fromCharCode(...bytes);
  try {
    return JSON.parse(`"${new TextDecoder().decode(new Uint8Array(bytes))}"`) as string;
  } catch {
    return ''; // not a valid string: the skeleton will not parse
  }
}
