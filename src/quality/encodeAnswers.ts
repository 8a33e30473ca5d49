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

export function encodeAnswers(responses: ScreenedResponse[], outline: QuestionnaireOutline): EncodedAnswers {
  type Item = { name: string; kind: string; first: number; index: Map<string, number> };
  const items: Item[] = [];
  let codeCount = 0;
  let bitCount = 0;
  for (const question of outline.questions) {
    const index = new Map(question.choices.map((value, position) => [value, position]));
    if (question.kind === "single" || question.kind === "number") {
      items.push({ name: question.name, kind: question.kind, first: codeCount++, index });
    } else if (question.kind === "multiple") {
      items.push({ name: question.name, kind: question.kind, first: bitCount, index });
      bitCount += question.choices.length;
    } else if (question.kind === "ranking") {
      items.push({ name: question.name, kind: question.kind, first: codeCount, index });
      codeCount += question.choices.length;
    }
  }
  const rows = responses.length;
  const codeWords = Math.ceil(codeCount / 4);
  const bitWords = Math.ceil(bitCount / 32);
  const codes = new Uint32Array(rows * codeWords);
  const bits = new Uint32Array(rows * bitWords);
  const setCode = (row: number, item: number, code: number) => {
    codes[row * codeWords + (item >> 2)] |= (code & 0xff) << ((item & 3) * 8);
  };
  for (let row = 0; row < rows; row++) {
    const answers = responses[row].answers;
    for (const item of items) {
      const value = answers[item.name];
      if (value === undefined || value === null) continue;
      if (item.kind === "single") setCode(row, item.first, (item.index.get(String(value)) ?? 254) + 1);
      else if (item.kind === "number") {
        const number = Number(value);
        setCode(row, item.first, Number.isFinite(number) ? (Math.round(number) & 0xff) + 1 : 255);
      } else if (Array.isArray(value)) {
        for (let rank = 0; rank < value.length; rank++) {
          const position = item.index.get(String(value[rank]));
          if (position === undefined) continue;
          if (item.kind === "ranking") setCode(row, item.first + position, rank + 1);
          else {
            const bit = item.first + position;
            bits[row * bitWords + (bit >> 5)] |= 1 << (bit & 31);
          }
        }
      }
    }
  }
  return { rows, items: codeCount + bitCount, codeWords, bitWords, codes, bits };
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
