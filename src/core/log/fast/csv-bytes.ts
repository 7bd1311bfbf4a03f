/**
 * Byte-level reading of nvidia-smi rows, for the reader's fast path: a week-long log has millions
 * of rows, and turning each into strings and arrays costs more than reading the file. Every
 * function here either returns exactly what the string functions of `nvidia-smi-csv.ts` would,
 * or says it cannot (`false`, `null`, `NaN`), and the caller then takes the string path. Pure.
 */

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const PERCENT = 37;
const LOWER_A = 97;
const LOWER_Z = 122;

/**
 * Zero as a double (a small integer zero cannot be one). A sum of digits that starts from it is
 * computed in doubles by V8 from the first row on: started from 0, it is computed in 32-bit
 * integers until a time passes 2^31 ms (a job of 25 days), and every compiled function that
 * adds it is then thrown away and compiled again, mid-log. Any digit added makes it +0 or more.
 */
export const DOUBLE_ZERO = -0;

/** 10^0 .. 10^22: exact doubles, so `mantissa / 10^k` is the correctly rounded decimal. */
export const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Start and end (exclusive) byte offsets of a few cells of one row, filled by `scanCells`. */
export interface CellSpans {
  /** Number of cells in the row. */
  count: number;
  /**
   * Offsets of the cells asked for, by slot: [start0, end0, start1, end1, ...]. Written only for
   * the cells the row has (and not for cells compared as `expect`ed): the caller fills it with -1
   * once and reads it only for a row with all its cells.
   */
  spans: Int32Array;
  /** True when the cell named by `expect` held exactly the expected bytes (and was not scanned). */
  expected: boolean;
  /** Offset of the newline that ends the row; -1 when there is none before the limit, or a tab comes first. */
  end: number;
}

/** Cells whose bytes are probably known in advance (the next GPU's identity): compared, not scanned. */
export interface ExpectedCell {
  /** Column number of the first. */
  cell: number;
  /** How many adjacent cells the bytes cover. */
  cells: number;
  /** The bytes expected there, commas between the cells included (they were such cells before). */
  bytes: DataView;
}

/**
 * A cell whose length is probably known (the timestamp, which keeps its length from row to row):
 * when the byte after that length is a comma, the cell is taken to end there without a scan. The
 * span may then hold anything, a comma or the row's newline included, so the caller must check
 * every byte of it: a valid timestamp has only digits, its separators and spaces.
 */
export interface SizedCell {
  /** Column number. */
  cell: number;
  /** The length expected; -1 when not known yet. */
  length: number;
}

/**
 * Splits the row that starts at `start` on commas as `splitCells` does, up to the newline that
 * ends it (searched no further than `limit`), counts the cells and records where the wanted ones
 * are: `slotOfCell[n]` is the slot of cell n in `out.spans`, or -1. Spans are untrimmed (a `\r`
 * before the newline is left in the last cell). When `expect` is given and its cells hold exactly
 * its bytes followed by a comma or the newline, they are compared four bytes at a time instead of
 * scanned (only the last of them gets a span, covering them all, which callers ignore); the
 * `sized` cell is measured rather than scanned when it can be.
 * A tab ends the scan with no `end` (such lines take the string path): only bytes up to the row's
 * own end are ever read, so the cost of a row does not depend on what follows it in the chunk.
 * Finding the row's end here saves searching each line twice.
 */
export function scanCells(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  limit: number,
  slotOfCell: Int8Array,
  expect: ExpectedCell | null,
  sized: SizedCell | null,
  out: CellSpans,
): void {
  const spans = out.spans;
  out.expected = false;
  out.end = -1;
  let cell = 0;
  let i = start;
  for (;;) {
    const cellStart = i;
    if (expect !== null && cell === expect.cell) {
      const to = cellStart + expect.bytes.byteLength;
      // Compared first: expected bytes hold no newline, so a match lies within this row, and so
      // does the byte after it.
      if (to < limit && sameBytes(view, cellStart, to, expect.bytes) && (bytes[to] === COMMA || bytes[to] === NEWLINE)) {
        // Their own spans are not needed: the caller knows whose cells these are.
        out.expected = true;
        cell += expect.cells - 1;
        i = to;
      }
    }
    let b = 0;
    if (sized !== null && cell === sized.cell && sized.length >= 0 && i + sized.length < limit && bytes[i + sized.length] === COMMA) {
      i += sized.length;
      b = COMMA;
    } else {
      // Most bytes lie above the comma (digits, letters, `.`, `/`, `:`): one comparison settles them.
      while (i < limit && ((b = bytes[i]!) > COMMA || (b !== COMMA && b !== NEWLINE && b !== TAB))) i += 1;
      if (b === TAB && i < limit) break;
    }
    const slot = cell < slotOfCell.length ? slotOfCell[cell]! : -1;
    if (slot >= 0) {
      spans[2 * slot] = cellStart;
      spans[2 * slot + 1] = i;
    }
    cell += 1;
    if (i >= limit) break;
    if (b === NEWLINE) {
      out.end = i;
      break;
    }
    i += 1;
  }
  out.count = cell;
}

/** Masks for looking at the four bytes of a word at once. */
/** 11 in each byte: a byte below it is a control byte (a newline or a tab among them). */
const CONTROL = 0x0b0b0b0b;
const HIGH_BITS = 0x80808080 | 0;
const COMMAS = 0x2c2c2c2c;
const LOW_BITS = 0x7f7f7f7f;
const BYTE_ONES = 0x01010101;

/** The high bit of each byte of `word` that is zero, and no other bit (exact, no false hits). */
function zeroBytes(word: number): number {
  return ~(((word & LOW_BITS) + LOW_BITS) | word | LOW_BITS);
}

/**
 * The rest of a row from `start`: the offset of its newline, with the commas before it counted
 * into `out.commas`; -1 when a tab comes first (the string path reads such rows) or no newline
 * comes before `limit`. Reads four bytes at a time through `words`, an `Int32Array` over the whole
 * of `bytes.buffer`: the cells a reader skips are most of a wide log's bytes.
 */
export function rowEnd(bytes: Uint8Array, words: Int32Array, start: number, limit: number, out: { commas: number }): number {
  const base = bytes.byteOffset;
  let commas = 0;
  let i = start;
  for (;;) {
    // A byte at a time up to a word boundary, and where a word holds a newline or a tab.
    for (; i < limit && ((base + i) & 3) !== 0; i += 1) {
      const b = bytes[i]!;
      if (b === NEWLINE || b === TAB) return finish(out, commas, b === NEWLINE ? i : -1);
      if (b === COMMA) commas += 1;
    }
    // Counted by the word's index, not the byte's (a sixth faster than shifting an offset).
    let w = (base + i) >> 2;
    const wordsEnd = (base + limit) >> 2;
    for (; w < wordsEnd; w += 1) {
      const word = words[w]!;
      // Any byte below 11 (a newline, a tab or another control byte) is looked at a byte at a time.
      if (((word - CONTROL) & ~word & HIGH_BITS) !== 0) break;
      const found = zeroBytes(word ^ COMMAS);
      // One high bit per comma: their count is the sum of the bytes once shifted down.
      if (found !== 0) commas += Math.imul(found >>> 7, BYTE_ONES) >>> 24;
    }
    i = (w << 2) - base;
    if (w >= wordsEnd) break;
    for (const stop = i + 4; i < stop; i += 1) {
      const b = bytes[i]!;
      if (b === NEWLINE || b === TAB) return finish(out, commas, b === NEWLINE ? i : -1);
      if (b === COMMA) commas += 1;
    }
  }
  for (; i < limit; i += 1) {
    const b = bytes[i]!;
    if (b === NEWLINE || b === TAB) return finish(out, commas, b === NEWLINE ? i : -1);
    if (b === COMMA) commas += 1;
  }
  return -1;
}

function finish(out: { commas: number }, commas: number, end: number): number {
  out.commas = commas;
  return end;
}

/**
 * A cell of the form `-?\d+(\.\d+)?`, optionally followed by a unit (`250.00 W`, `45 %`: letters
 * or `%` after any spaces), with spaces around, as the number `parseReading` would return; `NaN`
 * for anything else (placeholders, other whitespace, more than 15 digits), which the caller then
 * parses as a string.
 */
export function plainNumber(bytes: Uint8Array, start: number, end: number): number {
  return readPlainNumber(bytes, start, end, scratch) === end ? scratch[0]! : NaN;
}

const scratch = new Float64Array(1);

/**
 * Reads a `plainNumber` cell forward from `start`, stopping at the first byte that cannot
 * continue it (or at `end`): stores its value in `out[0]` and returns that byte's offset, or
 * -1 when no number in that form starts there. A cell is a `plainNumber` when the offset returned
 * is its end. The value is stored, not returned: a number returned from a call that is not
 * inlined is an allocation, and this runs once per row.
 */
export function readPlainNumber(bytes: Uint8Array, start: number, end: number, out: Float64Array): number {
  // Spaces, the number, then spaces, a unit and spaces, each part optional.
  let i = start;
  while (i < end && bytes[i] === SPACE) i += 1;
  i = readDecimal(bytes, i, end, out);
  if (i < 0) return -1;
  while (i < end && bytes[i] === SPACE) i += 1;
  while (i < end && isUnitByte(bytes[i]!)) i += 1;
  while (i < end && bytes[i] === SPACE) i += 1;
  return i;
}

/** `bytes[start, end)` as `-?\d+(\.\d+)?` with at most 15 digits, correctly rounded; `NaN` for anything else. */
export function decimalBytes(bytes: Uint8Array, start: number, end: number): number {
  return readDecimal(bytes, start, end, scratch) === end ? scratch[0]! : NaN;
}

/**
 * Reads `-?\d+(\.\d+)?` of at most 15 digits from `start`, stopping at the first byte that
 * cannot continue it (or at `end`): stores its value, correctly rounded, in `out[0]` and returns
 * that byte's offset; -1 when no such number starts there.
 */
function readDecimal(bytes: Uint8Array, start: number, end: number, out: Float64Array): number {
  let i = start;
  const negative = i < end && bytes[i] === MINUS;
  if (negative) i += 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i += 1) {
    const b = bytes[i]!;
    if (b >= ZERO && b <= NINE) {
      mantissa = mantissa * 10 + (b - ZERO);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (b === DOT && fraction < 0 && digits > 0) fraction = 0;
    else break;
  }
  if (digits === 0 || fraction === 0 || digits > 15) return -1;
  // The mantissa and the power of ten are exact, and one division rounds correctly.
  const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  out[0] = negative ? -value : value;
  return i;
}

/**
 * `decimalBytes` for longer numbers too: up to 19 significant digits (the sums `String(number)`
 * writes, such as `13280.550000000001`), as `Number` reads them; `NaN` for anything else, and for
 * the rare number `longDecimal` cannot settle.
 */
export function exactDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  const short = decimalBytes(bytes, start, end);
  return Number.isNaN(short) ? longDecimal(bytes, start, end) : short;
}

/** Dekker's split of a double into two halves of 26 bits, for `productError`. */
const SPLITTER = 134_217_729; // 2^27 + 1
/** Relative nudge that tells a settled rounding from one too close to call (see `longDecimal`). */
const NUDGE = 2 ** -40;
const TWO_TO_20 = 2 ** 20;
/** Significant digits the high part of a long mantissa takes; the rest (at most 8) are the low part. */
export const HIGH_DIGITS = 11;

/** The low part of `a * b`: `a * b` (rounded) plus it is the exact product (Dekker). */
function productError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (product - ah * bh - al * bh - ah * bl);
}

/**
 * `-?\d+(\.\d+)?` of up to 19 significant digits, correctly rounded without making a string: the
 * mantissa, too long for one double, is held exactly as two, divided by the exact power of ten,
 * and the quotient's remainder worked out exactly. Where the exact value lies so near the middle
 * between two doubles that the remainder's own small error could tip it, `NaN` says so and the
 * caller reads the text with `Number`.
 */
export function longDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && bytes[i] === MINUS;
  if (negative) i += 1;
  // The mantissa as high * 10^lowDigits + low, each exact: high has at most 11 digits, low 8.
  let high = 0;
  let low = 0;
  let lowDigits = 0;
  let significant = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i += 1) {
    const b = bytes[i] ?? 0;
    if (b === DOT && fraction < 0 && digits > 0) fraction = 0;
    else if (b < ZERO || b > NINE) return NaN;
    else {
      digits += 1;
      if (fraction >= 0) fraction += 1;
      if (significant === 0 && b === ZERO) continue; // a leading zero
      significant += 1;
      if (significant <= HIGH_DIGITS) high = high * 10 + (b - ZERO);
      else {
        low = low * 10 + (b - ZERO);
        lowDigits += 1;
      }
    }
  }
  if (digits === 0 || fraction === 0 || fraction > 22 || significant > 19) return NaN;
  const parts = longParts;
  parts[HIGH] = high;
  parts[LOW] = low;
  parts[LOW_DIGITS] = lowDigits;
  parts[FRACTION] = Math.max(0, fraction);
  if (!decimalFromParts(parts)) return NaN;
  return negative ? -parts[VALUE]! : parts[VALUE]!;
}

/** Where `decimalFromParts` finds its inputs and puts its result (see there). */
export const HIGH = 0;
export const LOW = 1;
export const LOW_DIGITS = 2;
export const FRACTION = 3;
export const VALUE = 0;
const longParts = new Float64Array(4);

/**
 * The correctly rounded value of a decimal of up to 19 digits, from the two parts a reader
 * collects as it scans: `parts[HIGH]` (its first digits, at most 11 of them), then `parts[LOW]`
 * (the `parts[LOW_DIGITS]` after them, at most 8), with `parts[FRACTION]` of all its digits
 * after the point (at most 22). This is `longDecimal`'s arithmetic; the numbers come and go
 * through `parts` because a double passed to or returned from a call that is not inlined is an
 * allocation, two a record for a `@rollup` reader. Puts the value in `parts[VALUE]` and returns
 * true; false when the value lies too near the middle between two doubles to settle here.
 */
export function decimalFromParts(parts: Float64Array): boolean {
  const high = parts[HIGH]!;
  const low = parts[LOW]!;
  // high * 10^lowDigits exactly, as two products whose bits fit a double: high = h1 * 2^20 + h0.
  const scale = POW10[parts[LOW_DIGITS]!]!;
  // Not `high % TWO_TO_20`: V8 computes a double's remainder with the x87 unit's `fprem`, slowly.
  // Each step here is exact (high is a whole number below 2^53, TWO_TO_20 a power of two).
  const h0 = high - Math.floor(high / TWO_TO_20) * TWO_TO_20;
  const a = (high - h0) * scale; // (h1 * 10^lowDigits) * 2^20: at most 44 significant bits
  const b = h0 * scale + low; // below 2^48: exact
  // The mantissa = sum + sumError exactly (Knuth's two-sum).
  const sum = a + b;
  const bVirtual = sum - a;
  const sumError = a - (sum - bVirtual) + (b - bVirtual);
  const power = POW10[parts[FRACTION]!]!;
  const quotient = sum / power;
  // The remainder mantissa - quotient * power, exact up to rounding far below the quotient's last bit.
  const product = quotient * power;
  const remainder = sum - product - productError(quotient, power, product) + sumError;
  const correction = remainder / power;
  const up = quotient + correction * (1 + NUDGE);
  if (up !== quotient + correction * (1 - NUDGE)) return false;
  parts[VALUE] = up;
  return true;
}

/** `[A-Za-z%]`, the bytes of a unit suffix. */
function isUnitByte(b: number): boolean {
  const lower = b | 0x20;
  return (lower >= LOWER_A && lower <= LOWER_Z) || b === PERCENT;
}

function digitsAt(bytes: Uint8Array, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i += 1) {
    const b = bytes[i] ?? 0;
    if (b < ZERO || b > NINE) return NaN;
    value = value * 10 + (b - ZERO);
  }
  return value;
}

/**
 * nvidia-smi's `YYYY/MM/DD HH:MM:SS[.mmm]` (spaces around allowed) as `parseTimestampMs` reads
 * it; `null` for anything else, which the caller then parses as a string. With `compute` false
 * it only checks the form (and returns 0). It checks the form only, as `parseTimestampMs` does;
 * `RecentTimestamp` relies on that.
 */
export function plainTimestampMs(bytes: Uint8Array, start: number, end: number, compute = true): number | null {
  let s = start;
  let e = end;
  while (s < e && bytes[s] === SPACE) s += 1;
  while (e > s && bytes[e - 1] === SPACE) e -= 1;
  const length = e - s;
  if (length !== 19 && (length < 21 || length > 23)) return null;
  if (bytes[s + 4] !== SLASH || bytes[s + 7] !== SLASH || bytes[s + 10] !== SPACE) return null;
  if (bytes[s + 13] !== COLON || bytes[s + 16] !== COLON) return null;
  if (length > 19 && bytes[s + 19] !== DOT) return null;
  for (let i = s; i < e; i += 1) {
    const at = i - s;
    if (at === 4 || at === 7 || at === 10 || at === 13 || at === 16 || at === 19) continue;
    const b = bytes[i]!;
    if (b < ZERO || b > NINE) return null;
  }
  if (!compute) return 0;
  const ms = length > 19 ? digitsAt(bytes, s + 20, length - 20) * POW10[3 - (length - 20)]! : 0;
  return Date.UTC(
    digitsAt(bytes, s, 4),
    digitsAt(bytes, s + 5, 2) - 1,
    digitsAt(bytes, s + 8, 2),
    digitsAt(bytes, s + 11, 2),
    digitsAt(bytes, s + 14, 2),
    digitsAt(bytes, s + 17, 2),
    ms,
  );
}

/** How a timestamp cell compares with the last one read. */
const SAME = 0;
const DIGITS_DIFFER = 1;
const DIFFERENT = 2;
/** Longer timestamp cells (spaces around) are not remembered. */
const MAX_REMEMBERED = 32;

const isDigit = (b: number): boolean => b >= ZERO && b <= NINE;

/**
 * `plainTimestampMs` for a run of rows, with the same results. nvidia-smi prints one timestamp per
 * loop iteration, shared by every GPU's row, so a cell is usually the same bytes as the last one,
 * or differs from it only in digits: a cell that a valid one turns into by changing digits into
 * other digits is valid too, and needs no check beyond the comparison. That holds because the
 * format check looks at the form alone, never at the values (no month <= 12): a check on values
 * added to `plainTimestampMs` and `parseTimestampMs` must be added here too. When the date is
 * unchanged, only the time of day is read, and added to the day's start: `Date.UTC` adds the
 * same sum.
 */
export class RecentTimestamp {
  /** The last cell's value (a number, so storing one makes no garbage); `NaN` when it was only checked. */
  valueMs = NaN;
  private readonly cell = new Uint8Array(MAX_REMEMBERED);
  private readonly cellView = new DataView(this.cell.buffer);
  private length = -1;
  /**
   * The remembered cell as three doubles, for `same`: its first eight bytes, the next eight and
   * the last eight (overlapping the ones before); set and used when it has 17 to 24 bytes.
   * Two doubles are equal exactly when their bytes are, except zeros (+0 equals -0) and NaN (equal
   * to nothing); eight bytes of a timestamp (digits, spaces, `/`, `:` and `.`, all between 0x20 and
   * 0x3a) read as a double are neither, so the comparison is exact.
   */
  private firstWord = NaN;
  private secondWord = NaN;
  private lastWord = NaN;
  /** Offset of the last cell's first digit (after any spaces), and the start of its day (UTC ms; `NaN` until worked out). */
  private lead = 0;
  private dayMs = NaN;
  /** Set by `compare`: the first position where the cell differs from the last one. */
  private firstDiff = 0;

  /** The length of the last cell read, for `SizedCell`; -1 before. */
  get lastLength(): number {
    return this.length;
  }

  /**
   * Checks the cell `bytes[start, end)` as `plainTimestampMs(bytes, start, end, compute)` does and,
   * with `compute`, leaves its value in `valueMs`; `view` is a DataView of `bytes`.
   * @returns false where `plainTimestampMs` gives `null`
   */
  /**
   * True when the cell at `start` holds the last one's bytes and that one's value is known: `read`
   * of it would change nothing. Small, to be inlined: nvidia-smi stamps every GPU's row of a loop
   * iteration alike.
   */
  same(view: DataView, start: number): boolean {
    const length = this.length;
    if (length < 0 || Number.isNaN(this.valueMs) || start + length > view.byteLength) return false;
    // Three loads, not six words and three bytes: this runs on every row of a plain log.
    if (length >= 17 && length <= 24) {
      const first = view.getFloat64(start, true) === this.firstWord;
      return first && view.getFloat64(start + 8, true) === this.secondWord && view.getFloat64(start + length - 8, true) === this.lastWord;
    }
    const cell = this.cellView;
    let i = 0;
    for (; i + 4 <= length; i += 4) if (view.getInt32(start + i, true) !== cell.getInt32(i, true)) return false;
    for (; i < length; i += 1) if (view.getUint8(start + i) !== cell.getUint8(i)) return false;
    return true;
  }

  read(bytes: Uint8Array, view: DataView, start: number, end: number, compute: boolean): boolean {
    const kind = end - start === this.length ? this.compare(bytes, view, start) : DIFFERENT;
    if (kind === SAME && !(compute && Number.isNaN(this.valueMs))) return true;
    // The numbers are stored here, each by a statement of its own: passed to `remember`, or held
    // by `compute ? value : NaN`, each would be an allocation (a new timestamp every eight rows).
    if (kind === DIGITS_DIFFER && compute && this.sameDay()) {
      // Only the time of day changed.
      this.valueMs = this.dayMs + timeOfDayMs(bytes, start + this.lead, this.timeLength());
      this.remember(bytes, start, end);
      return true;
    }
    // Only a cell unlike the last needs checking; one that differs in digits needs reading at most.
    const value = kind === DIFFERENT || compute ? plainTimestampMs(bytes, start, end, compute) : 0;
    if (value === null) return false;
    if (compute) this.valueMs = value;
    else this.valueMs = NaN;
    this.dayMs = NaN;
    this.remember(bytes, start, end);
    return true;
  }

  /**
   * True when the cell just compared differs from the last one only in its time of day, and the
   * last one's day is known: worked out from the remembered copy, never read again from the row.
   */
  private sameDay(): boolean {
    if (Number.isNaN(this.valueMs)) return false;
    if (Number.isNaN(this.dayMs)) {
      let lead = 0;
      while (lead < this.length && this.cell[lead] === SPACE) lead += 1;
      this.lead = lead;
      this.dayMs = this.valueMs - timeOfDayMs(this.cell, lead, this.timeLength());
    }
    return this.firstDiff >= this.lead + TIME_OF_DAY;
  }

  /** Length of the remembered cell's date and time, without the spaces around it. */
  private timeLength(): number {
    let e = this.length;
    while (e > this.lead && this.cell[e - 1] === SPACE) e -= 1;
    return e - this.lead;
  }

  private compare(bytes: Uint8Array, view: DataView, start: number): number {
    const length = this.length;
    const cell = this.cell;
    let kind = SAME;
    let i = 0;
    for (; i + 4 <= length; i += 4) {
      if (view.getInt32(start + i, true) === this.cellView.getInt32(i, true)) continue;
      for (let k = i; k < i + 4; k += 1) {
        const b = bytes[start + k]!;
        if (b === cell[k]) continue;
        if (!isDigit(b) || !isDigit(cell[k]!)) return DIFFERENT;
        if (kind === SAME) this.firstDiff = k;
        kind = DIGITS_DIFFER;
      }
    }
    for (; i < length; i += 1) {
      const b = bytes[start + i]!;
      if (b === cell[i]) continue;
      if (!isDigit(b) || !isDigit(cell[i]!)) return DIFFERENT;
      if (kind === SAME) this.firstDiff = i;
      kind = DIGITS_DIFFER;
    }
    return kind;
  }

  /** Keeps a copy of the cell (its value and day's start are set by the caller). */
  private remember(bytes: Uint8Array, start: number, end: number): void {
    if (end - start > MAX_REMEMBERED) {
      this.length = -1;
      return;
    }
    for (let i = start; i < end; i += 1) this.cell[i - start] = bytes[i]!;
    const length = end - start;
    this.length = length;
    if (length >= 17 && length <= 24) {
      const cell = this.cellView;
      this.firstWord = cell.getFloat64(0, true);
      this.secondWord = cell.getFloat64(8, true);
      this.lastWord = cell.getFloat64(length - 8, true);
    }
  }
}

/** Where the time of day starts in `YYYY/MM/DD HH:MM:SS[.mmm]`. */
const TIME_OF_DAY = 11;

/** `HH:MM:SS[.mmm]` of a timestamp of `length` bytes starting at `at` (its year), ms, as `Date.UTC` adds it. */
function timeOfDayMs(bytes: Uint8Array, at: number, length: number): number {
  const ms = length > 19 ? digitsAt(bytes, at + 20, length - 20) * POW10[3 - (length - 20)]! : 0;
  return digitsAt(bytes, at + 11, 2) * 3_600_000 + digitsAt(bytes, at + 14, 2) * 60_000 + digitsAt(bytes, at + 17, 2) * 1000 + ms;
}

/**
 * Reads a sampler row's tag, `<tMs>\t` with 1 to 15 digits, at the start of `bytes[start, end)`:
 * returns the tab's offset and stores the value in `out.tMs`; -1 when the line has no such tag.
 */
export function samplerRowTag(bytes: Uint8Array, start: number, end: number, out: { tMs: number }): number {
  let value = DOUBLE_ZERO;
  for (let i = start; i < end && i - start <= 15; i += 1) {
    const b = bytes[i]!;
    if (b === TAB) {
      out.tMs = value;
      return i > start ? i : -1;
    }
    if (b < ZERO || b > NINE) return -1;
    value = value * 10 + (b - ZERO);
  }
  return -1;
}

/**
 * True when `view[start, end)` holds the same bytes as `cell` (whose view is `cellView`).
 * Compares four bytes at a time: this runs once per row on a 40-byte uuid.
 */
export function sameBytes(view: DataView, start: number, end: number, cellView: DataView): boolean {
  const length = cellView.byteLength;
  if (end - start !== length) return false;
  let i = 0;
  // Little-endian reads are plain loads on x86 and Arm; equality does not care about byte order.
  // Signed words: V8's mid-tier compiler (Maglev), whose code reads a cold log's first megabytes,
  // loads one inline but calls out for an unsigned one (some six times slower per word).
  for (; i + 4 <= length; i += 4) if (view.getInt32(start + i, true) !== cellView.getInt32(i, true)) return false;
  if (i === length) return true;
  // The last bytes as one word ending where the cell ends (it overlaps the word before).
  if (length >= 4) return view.getInt32(start + length - 4, true) === cellView.getInt32(length - 4, true);
  for (; i < length; i += 1) if (view.getUint8(start + i) !== cellView.getUint8(i)) return false;
  return true;
}

/** A copy (the chunk's memory is not ours to keep) of `bytes[start, end)`, to compare later rows with. */
export function copyView(bytes: Uint8Array, start: number, end: number): DataView {
  const copy = new Uint8Array(end - start);
  copy.set(bytes.subarray(start, end));
  return new DataView(copy.buffer);
}
