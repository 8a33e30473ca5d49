import { describe, expect, it } from "vitest";
import { createRandom } from "../../simulate/random.ts";
import type { EncodedAnswers } from "../encodeAnswers.ts";
import { earlierWithin, exhaustiveMatches, sampledFewestAny } from "./nearestMatches.ts";

/** Rows of skewed answers (a few popular choices, as in surveys) with near copies of earlier rows mixed in. */
function encodedRows(rows: number, seed: number): EncodedAnswers {
  const random = createRandom(seed);
  const codeWords = 5;
  const bitWords = 2;
  const codes = new Uint32Array(rows * codeWords);
  const bits = new Uint32Array(rows * bitWords);
  for (let row = 0; row < rows; row++) {
    const source = row > 10 && random.chance(0.2) ? random.int(row) : -1;
    for (let word = 0; word < codeWords; word++) {
      let value = 0;
      for (let byte = 0; byte < 4; byte++) value |= (1 + Math.floor(random.next() ** 3 * 4)) << (byte * 8);
      codes[row * codeWords + word] =
        source >= 0 && random.chance(0.9) ? codes[source * codeWords + word] : value;
    }
    for (let word = 0; word < bitWords; word++)
      bits[row * bitWords + word] =
        source >= 0 ? bits[source * bitWords + word] : random.int(2 ** 31) & random.int(2 ** 31);
  }
  return { rows, items: codeWords * 4 + bitWords * 32, codeWords, bitWords, codes, bits };
}

describe("nearest matches of large blocks", () => {
  it.each([1, 3, 8, 14])("finds the exhaustive scan's earlier partner within %i differing items", (limit) => {
    const encoded = encodedRows(1500, limit);
    const blocks = [[...Array(900).keys()], Array.from({ length: 600 }, (_, index) => 900 + index)];
    const exact = exhaustiveMatches(encoded, blocks);
    const within = earlierWithin(encoded, blocks, limit);
    let found = 0;
    for (let row = 0; row < encoded.rows; row++) {
      const reachable = exact.earlierPartner[row] >= 0 && exact.fewestEarlier[row] <= limit;
      expect(within.earlierPartner[row]).toBe(reachable ? exact.earlierPartner[row] : -1);
      if (reachable) {
        expect(within.fewestEarlier[row]).toBe(exact.fewestEarlier[row]);
        found++;
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it("samples rows whose maxima are the exhaustive scan's", () => {
    const encoded = encodedRows(1000, 5);
    const blocks = [[...Array(1000).keys()]];
    const exact = exhaustiveMatches(encoded, blocks);
    const sampled = sampledFewestAny(encoded, blocks, 100);
    expect(sampled).toEqual(Array.from({ length: 100 }, (_, index) => exact.fewestAny[index * 10]));
  });
});
