/**
 * A date cell's day as an ISO date, by arithmetic on its time (what
 * `toISOString().slice(0, 10)` gives, without making the whole text): a
 * report's 100,000 measures have two date cells each.
 */

const DAY_MS = 86_400_000;
/** Years 1000 to 9999: four digits, as toISOString writes them. */
const FROM_MS = Date.UTC(1000, 0, 1);
const TO_MS = Date.UTC(10000, 0, 1);

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The UTC day of a time in ms as YYYY-MM-DD; undefined outside the years 1000-9999 (or for NaN). */
export function isoDayOf(time: number): string | undefined {
  if (!(time >= FROM_MS && time < TO_MS)) return undefined;
  // A Date's time is whole milliseconds, cut toward zero.
  const ms = Math.trunc(time);
  // Days since 0000-03-01 in the proleptic Gregorian calendar, split into eras of 400 years (H. Hinnant's days_from_civil, reversed).
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${two(month)}-${two(day)}`;
}
