/**
 * The catalog entries of a streamed file, kept by the first reading in
 * columns, so that the second pass gives them without reading, scanning and
 * parsing the file again (a third of the time of a catalog of 100,000
 * entries). Kept only up to a bound: past KEEP_UNITS of text, everything
 * kept is dropped and the second pass reads the file as before, so memory
 * stays flat in the number of entries.
 *
 * Columns, not the parsed objects: the enterprise names and listing dates an
 * entry shares with others are held once, a category is a byte, a number of
 * hospitals a float (NaN when absent); an entry is made again, with the same
 * fields, each time it is read.
 */
import { CATEGORIES, type CatalogEntry, type Category } from '../schema';

/** UTF-16 units of entries' text kept at most (some 16 MB of strings, two bytes a unit at worst). */
export const KEEP_UNITS = 8 << 20;

/** An entry's own text, beside the columns shared by many. */
interface Texts {
  product: string;
  registration?: string;
}

export class KeptEntries {
  private texts: Texts[] = [];
  private enterprise: string[] = [];
  private listed: (string | undefined)[] = [];
  private category = new Uint8Array(1024);
  private hospitals = new Float64Array(1024);
  private readonly shared = new Map<string, string>();
  private units = 0;
  private full = false;

  /** `limit`: UTF-16 units of text kept at most (tests make it small). */
  constructor(private readonly limit = KEEP_UNITS) {}

  /** How many entries are kept; undefined once the bound was passed and nothing is. */
  get count(): number | undefined {
    return this.full ? undefined : this.texts.length;
  }

  /** Keeps a checked entry (in file order), unless the bound is passed. */
  add(e: CatalogEntry): void {
    if (this.full) return;
    const n = this.texts.length;
    if (n === this.category.length) this.grow();
    this.texts.push(e.registration === undefined ? { product: e.product } : { product: e.product, registration: e.registration });
    this.enterprise.push(this.once(e.enterprise));
    this.listed.push(e.listed === undefined ? undefined : this.once(e.listed));
    this.category[n] = CATEGORIES.indexOf(e.category);
    this.hospitals[n] = e.hospitals ?? NaN;
    this.units += e.product.length + (e.registration?.length ?? 0) + 8;
    if (this.units > this.limit) this.drop();
  }

  /** Entries `[from, to)` as they were read, made again. */
  *rows(from: number, to: number): Generator<CatalogEntry> {
    for (let i = from; i < to; i++) {
      const t = this.texts[i];
      const e: CatalogEntry = { product: t.product, enterprise: this.enterprise[i], category: CATEGORIES[this.category[i]] as Category };
      if (t.registration !== undefined) e.registration = t.registration;
      const listed = this.listed[i];
      if (listed !== undefined) e.listed = listed;
      const h = this.hospitals[i];
      if (!Number.isNaN(h)) e.hospitals = h;
      yield e;
    }
  }

  /** One string for equal text (enterprise names and dates recur). */
  private once(s: string): string {
    const known = this.shared.get(s);
    if (known !== undefined) return known;
    this.shared.set(s, s);
    this.units += s.length;
    return s;
  }

  private grow(): void {
    const category = new Uint8Array(this.category.length * 2);
    category.set(this.category);
    this.category = category;
    const hospitals = new Float64Array(this.hospitals.length * 2);
    hospitals.set(this.hospitals);
    this.hospitals = hospitals;
  }

  private drop(): void {
    this.full = true;
    this.texts = [];
    this.enterprise = [];
    this.listed = [];
    this.category = new Uint8Array(0);
    this.hospitals = new Float64Array(0);
    this.shared.clear();
  }
}
