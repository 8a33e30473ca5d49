import { columnArray } from "../stats/columnArray.ts";
import type { QuestionnaireOutline } from "./questionnaireOutline.ts";
import type { ScreenedResponse } from "./types.ts";

/**
 * Answers packed for fast comparison: every closed answer becomes items (a single choice or number one
 * byte-sized code, a checkbox one bit per choice, a ranking one code per ranked item), four codes per
 * 32-bit word and 32 bits per word, so two responses compare in a few dozen operations.
 */
export interface EncodedAnswers {
  rows: number;
  items: number;
  codeWords: number;
  bitWords: number;
  codes: Uint32Array;
  bits: Uint32Array;
}

const singleKind = 0;
const numberKind = 1;
const multipleKind = 2;
const rankingKind = 3;
const otherKind = 4;

/** The packed answers, and a hash of each row's answerText (see packAnswers). */
export interface PackedAnswers {
  encoded: EncodedAnswers;
  hashes: Int32Array;
}

export function encodeAnswers(responses: ScreenedResponse[], outline: QuestionnaireOutline): EncodedAnswers {
  return packAnswers(responses, outline).encoded;
}

/**
 * encodeAnswers, and in the same pass over the answers a hash of every row's answerText over all the
 * outline's questions (the duplicate rule's key): reading a million responses' answers once rather than
 * twice saves seconds. The hash is a function of the text alone: each answer's text is cut at U+0001 into
 * pieces, and a piece that is one of the question's choices counts as its position (found by the lookup
 * the packing makes anyway), any other as its number in a table of texts. -1 marks a text holding U+0002,
 * which may split differently into answers: all such rows share that bucket.
 */
export function packAnswers(responses: ScreenedResponse[], outline: QuestionnaireOutline): PackedAnswers {
  // Parallel arrays rather than an object per item: the loop below runs items × responses times.
  const names: string[] = [];
  const kinds: number[] = [];
  const firsts: number[] = [];
  const indexes: Array<Map<string, number>> = [];
  const pieces: Array<Map<string, number> | undefined> = [];
  let codeCount = 0;
  let bitCount = 0;
  for (const question of outline.questions) {
    const index = new Map(question.choices.map((value, position) => [value, position]));
    let kind = otherKind;
    let first = 0;
    if (question.kind === "single" || question.kind === "number") {
      kind = question.kind === "single" ? singleKind : numberKind;
      first = codeCount++;
    } else if (question.kind === "multiple") {
      kind = multipleKind;
      first = bitCount;
      bitCount += question.choices.length;
    } else if (question.kind === "ranking") {
      kind = rankingKind;
      first = codeCount;
      codeCount += question.choices.length;
    }
    names.push(question.name);
    kinds.push(kind);
    firsts.push(first);
    indexes.push(index);
    // A choice holding a separator is not one piece of text: such a question's choices count as texts.
    const whole = question.choices.every((value) => !value.includes("\u0001") && !value.includes("\u0002"));
    pieces.push(whole ? index : undefined);
  }
  const rows = responses.length;
  const codeWords = Math.ceil(codeCount / 4);
  const bitWords = Math.ceil(bitCount / 32);
  const codes = columnArray(Uint32Array, rows * codeWords);
  const bits = columnArray(Uint32Array, rows * bitWords);
  const hashes = columnArray(Int32Array, rows);
  const texts = new TextTokens();
  const setCode = (row: number, item: number, code: number) => {
    codes[row * codeWords + (item >> 2)] |= (code & 0xff) << ((item & 3) * 8);
  };
  for (let row = 0; row < rows; row++) {
    const answers = responses[row].answers;
    let hash = offsetBasis;
    texts.unhashable = false;
    for (let item = 0; item < names.length; item++) {
      if (item > 0) hash = mix(hash, answerSeparator);
      const value = answers[names[item]];
      const kind = kinds[item];
      const index = indexes[item];
      const choices = pieces[item];
      if (value === undefined) {
        hash = texts.fold(hash, "", choices);
        continue;
      }
      if (Array.isArray(value)) {
        if (kind === singleKind) setCode(row, firsts[item], (index.get(String(value)) ?? 254) + 1);
        else if (kind === numberKind) setNumber(row, firsts[item], value);
        if (value.length === 0) hash = texts.fold(hash, "", choices);
        for (let rank = 0; rank < value.length; rank++) {
          if (rank > 0) hash = mix(hash, itemSeparator);
          const choice = value[rank];
          const text = typeof choice === "string" ? choice : String(choice);
          const position = kind === multipleKind || kind === rankingKind ? index.get(text) : undefined;
          // Array.prototype.join writes null and undefined items as nothing.
          if (choice === null || choice === undefined) hash = texts.fold(hash, "", choices);
          else if (position !== undefined && choices) hash = mix(hash, position + 1);
          else hash = texts.fold(hash, text, choices);
          if (position === undefined) continue;
          if (kind === rankingKind) setCode(row, firsts[item] + position, rank + 1);
          else {
            const bit = firsts[item] + position;
            bits[row * bitWords + (bit >> 5)] |= 1 << (bit & 31);
          }
        }
        continue;
      }
      const text = typeof value === "string" ? value : String(value);
      if (kind === singleKind && value !== null) {
        const position = index.get(text);
        setCode(row, firsts[item], (position ?? 254) + 1);
        hash = position !== undefined && choices ? mix(hash, position + 1) : texts.fold(hash, text, choices);
        continue;
      }
      if (kind === numberKind && value !== null) setNumber(row, firsts[item], value);
      hash = texts.fold(hash, text, choices);
    }
    hashes[row] = texts.unhashable ? -1 : hash === -1 ? -2 : hash;
  }
  function setNumber(row: number, item: number, value: unknown) {
    const given = Number(value);
    setCode(row, item, Number.isFinite(given) ? (Math.round(given) & 0xff) + 1 : 255);
  }
  return { encoded: { rows, items: codeCount + bitCount, codeWords, bitWords, codes, bits }, hashes };
}

const offsetBasis = 0x811c9dc5 | 0;
/** Mixed between answers and between a list's items; piece tokens are positive, so these never collide. */
const answerSeparator = -2;
const itemSeparator = -3;
/** Texts that are not choices count from here, past every choice position. */
const textBase = 1 << 20;

function mix(hash: number, token: number): number {
  return Math.imul(hash ^ token, 0x01000193);
}

/** The numbers of the texts met, and whether the current row met U+0002. */
class TextTokens {
  unhashable = false;
  private readonly ids = new Map<string, number>();

  /** Mixes one answer's text into the hash: piece by piece, each a choice position or a text number. */
  fold(hash: number, text: string, choices: Map<string, number> | undefined): number {
    const position = choices?.get(text);
    if (position !== undefined) return mix(hash, position + 1);
    let id = this.ids.get(text);
    if (id === undefined) {
      id = text.includes("\u0002")
        ? holdsAnswerSeparator
        : text.includes("\u0001")
          ? holdsItemSeparator
          : this.ids.size;
      this.ids.set(text, id);
    }
    if (id >= 0) return mix(hash, textBase + id);
    if (id === holdsAnswerSeparator) {
      this.unhashable = true;
      return hash;
    }
    let folded = hash;
    const parts = text.split("\u0001");
    for (let part = 0; part < parts.length; part++) {
      if (part > 0) folded = mix(folded, itemSeparator);
      folded = this.fold(folded, parts[part], choices);
    }
    return folded;
  }
}

const holdsAnswerSeparator = -1;
const holdsItemSeparator = -2;

/** The rows `order` of `encoded` (row i of the result is row order[i]), sharing the tables when nothing moves. */
export function gatherEncoded(encoded: EncodedAnswers, order: readonly number[]): EncodedAnswers {
  const { codeWords, bitWords } = encoded;
  let identity = order.length === encoded.rows;
  for (let row = 0; identity && row < order.length; row++) identity = order[row] === row;
  if (identity) return encoded;
  const codes = columnArray(Uint32Array, order.length * codeWords);
  const bits = columnArray(Uint32Array, order.length * bitWords);
  for (let row = 0; row < order.length; row++) {
    const from = order[row];
    for (let word = 0; word < codeWords; word++)
      codes[row * codeWords + word] = encoded.codes[from * codeWords + word];
    for (let word = 0; word < bitWords; word++)
      bits[row * bitWords + word] = encoded.bits[from * bitWords + word];
  }
  return { rows: order.length, items: encoded.items, codeWords, bitWords, codes, bits };
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The number of items on which two rows differ. */
export function mismatches(encoded: EncodedAnswers, a: number, b: number): number {
  let count = 0;
  const { codes, bits, codeWords, bitWords } = encoded;
  for (let word = 0, ia = a * codeWords, ib = b * codeWords; word < codeWords; word++) {
    const x = codes[ia + word] ^ codes[ib + word];
    // Sets the top bit of every non-zero byte (the classic "has zero byte" trick inverted).
    count += popcount((((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080);
  }
  for (let word = 0, ia = a * bitWords, ib = b * bitWords; word < bitWords; word++)
    count += popcount(bits[ia + word] ^ bits[ib + word]);
  return count;
}
