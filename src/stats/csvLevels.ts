/**
 * Dictionary-codes the values of a text column straight from UTF-8 bytes: a field is hashed and
 * compared byte by byte with the levels seen so far, so no string is made for a repeated value.
 */
export class CsvLevels {
  readonly levels: string[] = [];
  private readonly bytesOf: Uint8Array[] = [];
  private readonly byHash = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  private readonly decoder = new TextDecoder();

  /** Open-addressing table from a field's hash to its code + 1, for the first levels seen. */
  private readonly slots = new Int32Array(TABLE_SIZE);
  private readonly slotHashes = new Int32Array(TABLE_SIZE);
  private tabled = 0;

  /** The code of a field whose FNV-1a hash (as `fieldHash`) the caller computed while scanning it. */
  codeOfHashed(bytes: Uint8Array, start: number, end: number, hash: number): number {
    let slot = hash & (TABLE_SIZE - 1);
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      if (this.slotHashes[slot] === hash && sameBytes(this.bytesOf[entry - 1], bytes, start, end))
        return entry - 1;
      slot = (slot + 1) & (TABLE_SIZE - 1);
    }
    const code = this.codeOfBytes(bytes, start, end);
    if (this.tabled < TABLE_SIZE / 2) {
      this.slots[slot] = code + 1;
      this.slotHashes[slot] = hash;
      this.tabled++;
    }
    return code;
  }

  codeOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const hash = fieldHash(bytes, start, end);
    const candidate = this.byHash.get(hash);
    if (candidate !== undefined && sameBytes(this.bytesOf[candidate], bytes, start, end)) return candidate;
    const code = this.codeOfText(this.decoder.decode(bytes.subarray(start, end)));
    if (candidate === undefined) this.byHash.set(hash, code);
    return code;
  }

  codeOfText(text: string): number {
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.levels.length;
      this.levels.push(text);
      this.bytesOf.push(new TextEncoder().encode(text));
      this.byText.set(text, code);
    }
    return code;
  }
}

const TABLE_SIZE = 256;

export function fieldHash(bytes: Uint8Array, start: number, end: number): number {
  let hash = -2128831035;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
  return hash;
}

function sameBytes(level: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (level.length !== end - start) return false;
  for (let i = 0; i < level.length; i++) if (level[i] !== bytes[start + i]) return false;
  return true;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Parses an ASCII decimal number; NaN when the field is not a number. The fast path (at most 15
 * significant digits, no exponent) is exact: an exact integer divided by an exact power of ten.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let cursor = start;
  const first = bytes[cursor];
  const negative = first === 45;
  if (negative || first === 43) cursor++;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let seenPoint = false;
  let anyDigit = false;
  for (; cursor < end; cursor++) {
    const code = bytes[cursor];
    if (code >= 48 && code <= 57) {
      anyDigit = true;
      mantissa = mantissa * 10 + (code - 48);
      if (mantissa > 0 || seenPoint) digits++;
      if (seenPoint) decimals++;
    } else if (code === 46 && !seenPoint) {
      seenPoint = true;
    } else {
      return parseNumberText(new TextDecoder().decode(bytes.subarray(start, end)));
    }
  }
  if (!anyDigit) return Number.NaN;
  if (digits > 15) return parseNumberText(new TextDecoder().decode(bytes.subarray(start, end)));
  const value = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
  return negative ? -value : value;
}

export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  return NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : Number.NaN;
}
