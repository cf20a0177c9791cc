/**
 * XML written straight into UTF-8 bytes, chunk by chunk: a large sheet's rows
 * without a string for each cell and row, joined, flattened and turned into
 * UTF-8 again (catalog 100k: 60 MB of sheet XML, a third of the writing's
 * time went to building and encoding its strings). Plain Uint8Arrays, so that
 * the add-in's bundle of the parts can use it too. The bytes are exactly
 * those of the same text encoded as UTF-8 (Buffer.from, TextEncoder).
 */
import { esc, mayChange } from './xml';

/** Bytes a chunk holds at least before a new one is begun. */
export const CHUNK_BYTES = 1 << 16;

const bytesOf = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const QUOT = bytesOf('&quot;');
const AMP = bytesOf('&amp;');
const LT = bytesOf('&lt;');
const GT = bytesOf('&gt;');

/** Writes an entity's bytes at `p`; returns the position after them. */
function entity(b: Uint8Array, p: number, bytes: number[]): number {
  for (let k = 0; k < bytes.length; k++) b[p++] = bytes[k];
  return p;
}

/**
 * Text of at least this many UTF-16 units is encoded by TextEncoder (the same bytes, lone surrogates as U+FFFD too), in
 * native code: a form's record holds its rows as one JSON text of some 15,000 characters, which the loop below takes
 * three times as long over. A shorter text is not worth the call.
 */
const NATIVE = 256;
const ENCODER = new TextEncoder();

// What makes esc() write more than XML's entities: `_x` (tested apart), control characters but tab and line feed,
// surrogates, U+FFFE/F.
// eslint-disable-next-line no-control-regex
const MAY_ENCODE = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The longest text encoded into the scratch buffer below (a record's chunk is 30,000 characters); longer goes by esc(). */
const SCRATCH_TEXT = 32768;
/** Long text's UTF-8, before XML's specials are written as entities: one buffer for the process. */
let scratch = new Uint8Array(0);

export class XmlBytes {
  private buf: Uint8Array;
  private pos = 0;
  private done: Uint8Array[] = [];

  /**
   * `whole`: the bytes are kept in one buffer, grown as needed and never taken in chunks (take() gives nothing), read
   * by written() and begun again by reset(): one buffer used for every small part of a run (see parts.ts, partBytes),
   * not a new 64 KB chunk a sheet (a fresh buffer costs more than a form's rows: its pages, and the external memory V8
   * then collects for).
   */
  constructor(
    private readonly size = CHUNK_BYTES,
    private readonly whole = false,
  ) {
    this.buf = new Uint8Array(size);
  }

  /** Makes room for `n` more bytes: a new chunk when the current one has not (a larger buffer when whole). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.whole) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
      return;
    }
    if (this.pos) this.done.push(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(Math.max(this.size, n));
    this.pos = 0;
  }

  /** Bytes as they are (a chunk written elsewhere); makes its own room. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** The bytes written since the last reset, in the buffer itself (whole): valid until the next write. */
  written(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** The buffer's size: a whole one grown for a large part is let go of by its owner. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Begins again at the start of the buffer (whole): what was written is gone. */
  reset(): void {
    this.pos = 0;
  }

  /** ASCII text, written byte for byte; the room was made by the caller. */
  ascii(s: string): void {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A number as `${v}` writes it; the room (24 bytes) was made by the caller. */
  number(v: number): void {
    if (!(v >= 0 && v < 1e15 && Number.isInteger(v))) return this.ascii(String(v));
    const b = this.buf;
    if (v < 10) {
      b[this.pos++] = 48 + v;
      return;
    }
    let d = 10;
    while (d <= v) d *= 10;
    let p = this.pos;
    for (d /= 10; d >= 1; d /= 10) {
      const q = Math.floor(v / d);
      b[p++] = 48 + q;
      v -= q * d;
    }
    this.pos = p;
  }

  /** Text as esc() escapes it for XML; makes its own room (6 bytes a character: `&quot;`). */
  text(s: string): void {
    if (s.length >= NATIVE) {
      // Text esc() leaves as it is (most long text: a note, a title) is encoded at once, as before.
      if (!mayChange(s)) this.utf8(s);
      else if (!this.longText(s)) this.utf8(esc(s));
      return;
    }
    this.room(s.length * 6);
    const start = this.pos;
    if (this.plain(s)) return;
    this.pos = start;
    if (this.withEntities(s)) return;
    this.pos = start;
    this.utf8(esc(s));
  }

  /** Text as it is (markup or text already escaped), in UTF-8; makes its own room. */
  utf8(s: string): void {
    this.room(s.length * 3);
    if (s.length >= NATIVE) {
      this.pos += ENCODER.encodeInto(s, this.buf.subarray(this.pos)).written;
      return;
    }
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
        continue;
      }
      if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          b[p++] = 0xf0 | (u >> 18);
          b[p++] = 0x80 | ((u >> 12) & 63);
          b[p++] = 0x80 | ((u >> 6) & 63);
          b[p++] = 0x80 | (u & 63);
          continue;
        }
        c = 0xfffd; // an unpaired surrogate, as Buffer.from and TextEncoder write it
      }
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 63);
      b[p++] = 0x80 | (c & 63);
    }
    this.pos = p;
  }

  /** The finished chunks, taken: full ones only, or (`all`) the current one too. */
  take(all = false): Uint8Array[] {
    if (this.whole) return [];
    const done = this.done;
    this.done = [];
    if (all && this.pos) {
      done.push(this.buf.subarray(0, this.pos));
      this.buf = new Uint8Array(this.size);
      this.pos = 0;
    }
    return done;
  }

  /**
   * Writes long text as esc() escapes it when it needs no OOXML escape (`_xHHHH_`): encoded by TextEncoder, then XML's
   * specials written as entities byte by byte (a UTF-8 sequence's bytes are never ASCII), in place of esc()'s replacing
   * passes and a second string (a form's record: its rows' JSON, some 15,000 characters and 700 quotes, in half the
   * time). False, with nothing written, for text that needs more, or is too long for the scratch buffer.
   */
  private longText(s: string): boolean {
    if (s.length > SCRATCH_TEXT || s.includes('_x') || MAY_ENCODE.test(s)) return false;
    if (scratch.length < s.length * 3) scratch = new Uint8Array(SCRATCH_TEXT * 3);
    const from = scratch;
    const n = ENCODER.encodeInto(s, from).written;
    this.room(n * 6);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = from[i];
      if (c > 0x3e || (c !== 0x22 && c !== 0x26 && c !== 0x3c && c !== 0x3e)) b[p++] = c;
      else if (c === 0x22) p = entity(b, p, QUOT);
      else if (c === 0x26) p = entity(b, p, AMP);
      else p = entity(b, p, c === 0x3c ? LT : GT);
    }
    this.pos = p;
    return true;
  }

  /**
   * Writes text that esc() leaves as it is, in UTF-8; false (with some bytes written) at anything esc() would change.
   * Most text (a measure's title, a lead) is this; kept apart from withEntities, which writes XML's specials too: one
   * loop that did both made the Measures sheet of 100,000 measures 0.4-0.7 s slower to write (profiled: rowsXml
   * 1.55-1.66 s against 2.04-2.34 s).
   */
  private plain(s: string): boolean {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        // XML's specials, `_` (of a literal `_xHHHH_`) and control characters: withEntities or esc() decides.
        if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x5f) return false;
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return false;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
    return true;
  }

  /**
   * Writes text as esc() escapes it when it needs no OOXML escape (`_xHHHH_`), in UTF-8: XML's specials as entities, as
   * escapeSpecials writes them (formulas are full of quotes). False (with some bytes written) at `_x`, a control
   * character but tab and line feed, a surrogate or U+FFFE/F: esc() decides then.
   */
  private withEntities(s: string): boolean {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20) {
          if (c !== 0x09 && c !== 0x0a) return false;
        } else if (c === 0x5f) {
          if (s.charCodeAt(i + 1) === 0x78) return false;
        } else if (c === 0x22) {
          p = entity(b, p, QUOT);
          continue;
        } else if (c === 0x26) {
          p = entity(b, p, AMP);
          continue;
        } else if (c === 0x3c) {
          p = entity(b, p, LT);
          continue;
        } else if (c === 0x3e) {
          p = entity(b, p, GT);
          continue;
        }
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return false;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
    return true;
  }
}
