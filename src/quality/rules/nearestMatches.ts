import { columnArray } from "../../stats/columnArray.ts";
import { type EncodedAnswers, mismatches } from "../encodeAnswers.ts";

/**
 * Blocks with more pairs than this are not compared pair by pair: a million responses in a few dozen sites
 * make 10¹⁰ pairs. Below it (every study of a few thousand responses per site) the exact scan runs.
 */
export const exhaustivePairLimit = 20_000_000;

/** Rows compared with their whole block to calibrate the threshold of a population too large to scan. */
export const calibrationSample = 1_000;

/**
 * Past this many rows in one bucket, a row is compared only with the bucket's latest rows: when the flag's
 * reach is wide (a threshold of 85% lets ten items differ) and a site has a hundred thousand responses,
 * buckets hold thousands and the search would be quadratic again. Below it the search is exact.
 */
export const bucketScanLimit = 256;

/**
 * Every pair of every block: the smallest number of differing items of each row with any other row
 * (`fewestAny`), and with any earlier row that differs at all (`fewestEarlier`, the earliest such row in
 * `earlierPartner`). Rows are in start order within each block.
 */
export function exhaustiveMatches(encoded: EncodedAnswers, blocks: number[][]) {
  const fewestAny = columnArray(Int32Array, encoded.rows).fill(encoded.items);
  const fewestEarlier = columnArray(Int32Array, encoded.rows).fill(encoded.items);
  const earlierPartner = columnArray(Int32Array, encoded.rows).fill(-1);
  for (const rows of blocks) {
    for (let b = 1; b < rows.length; b++) {
      const later = rows[b];
      // The later row's figures stay in locals through the inner loop, which no other row writes to.
      let laterAny = fewestAny[later];
      let laterEarlier = fewestEarlier[later];
      let partner = earlierPartner[later];
      for (let a = 0; a < b; a++) {
        const earlier = rows[a];
        const differing = mismatches(encoded, earlier, later);
        if (differing < laterAny) laterAny = differing;
        if (differing < fewestAny[earlier]) fewestAny[earlier] = differing;
        if (differing > 0 && differing < laterEarlier) {
          laterEarlier = differing;
          partner = earlier;
        }
      }
      fewestAny[later] = laterAny;
      fewestEarlier[later] = laterEarlier;
      earlierPartner[later] = partner;
    }
  }
  return { fewestAny, fewestEarlier, earlierPartner };
}

/**
 * The fewest differing items of an evenly spaced sample of rows with any other row of their block: the
 * sample's maxima estimate the distribution of every row's maximum, at `sample × block` comparisons.
 */
export function sampledFewestAny(encoded: EncodedAnswers, blocks: number[][], sample: number): number[] {
  const stride = Math.max(1, Math.floor(encoded.rows / sample));
  const fewest: number[] = [];
  for (const rows of blocks) {
    for (let position = 0; position < rows.length; position += stride) {
      const row = rows[position];
      let best = encoded.items;
      for (const other of rows) {
        if (other === row) continue;
        const differing = mismatches(encoded, row, other);
        if (differing < best) best = differing;
        if (best === 0) break;
      }
      fewest.push(best);
    }
  }
  return fewest;
}

/**
 * For every row, its closest earlier row of the block that differs in at least one and at most `limit`
 * items (ties to the earliest): the same partner as the exhaustive scan wherever that partner is within
 * `limit` and no bucket outgrows `bucketScanLimit` (then only the bucket's latest rows are candidates). Pigeonhole: two rows differing in at most `limit` items agree on every item of at least
 * one of `limit + 1` disjoint item groups, so only rows sharing a group's values are compared.
 */
export function earlierWithin(encoded: EncodedAnswers, blocks: number[][], limit: number) {
  const fewestEarlier = columnArray(Int32Array, encoded.rows).fill(encoded.items);
  const earlierPartner = columnArray(Int32Array, encoded.rows).fill(-1);
  if (limit <= 0) return { fewestEarlier, earlierPartner };
  const groups = Math.min(limit + 1, encoded.items);
  const keys = groupKeys(encoded, groups);
  const stamp = new Int32Array(encoded.rows).fill(-1);
  for (const rows of blocks) {
    const buckets = Array.from({ length: groups }, () => new Map<number, number[]>());
    for (const row of rows) {
      let best = limit + 1;
      let partner = -1;
      for (let group = 0; group < groups; group++) {
        const key = keys[row * groups + group];
        const bucket = buckets[group].get(key);
        if (!bucket) {
          buckets[group].set(key, [row]);
          continue;
        }
        for (let index = Math.max(0, bucket.length - bucketScanLimit); index < bucket.length; index++) {
          const earlier = bucket[index];
          if (stamp[earlier] === row) continue;
          stamp[earlier] = row;
          const differing = mismatches(encoded, earlier, row);
          // Block order is start order, so a smaller position is an earlier row.
          if (differing > 0 && (differing < best || (differing === best && earlier < partner))) {
            best = differing;
            partner = earlier;
          }
        }
        bucket.push(row);
      }
      if (partner >= 0) {
        fewestEarlier[row] = best;
        earlierPartner[row] = partner;
      }
    }
  }
  return { fewestEarlier, earlierPartner };
}

/** A hash of each row's values on each of `groups` disjoint item groups (item i in group i mod groups). */
function groupKeys(encoded: EncodedAnswers, groups: number): Int32Array {
  const { rows, codes, bits, codeWords, bitWords } = encoded;
  const codeItems = codeWords * 4;
  const keys = new Int32Array(rows * groups);
  for (let row = 0; row < rows; row++) {
    const hashes = new Int32Array(groups).fill(0x811c9dc5 | 0);
    for (let item = 0; item < codeItems + bitWords * 32; item++) {
      const value =
        item < codeItems
          ? (codes[row * codeWords + (item >> 2)] >>> ((item & 3) * 8)) & 0xff
          : (bits[row * bitWords + ((item - codeItems) >> 5)] >>> ((item - codeItems) & 31)) & 1;
      const group = item % groups;
      hashes[group] = Math.imul(hashes[group] ^ (value + 1), 0x01000193);
    }
    keys.set(hashes, row * groups);
  }
  return keys;
}
