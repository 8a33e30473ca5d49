import { columnArray } from "./columnArray.ts";
/** The rows a domain mask keeps, in increasing order; cached, since a report reuses its domains' masks. */
export function maskRows(mask: Uint8Array): Int32Array {
  let rows = cache.get(mask);
  if (rows === undefined) {
    let count = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) count++;
    rows = columnArray(Int32Array, count);
    for (let i = 0, k = 0; i < mask.length; i++) if (mask[i] !== 0) rows[k++] = i;
    cache.set(mask, rows);
  }
  return rows;
}

/**
 * Masks are not modified once made (domainsOf builds them and hands them out again and again), so the
 * rows can be keyed by the mask object.
 */
const cache = new WeakMap<Uint8Array, Int32Array>();
