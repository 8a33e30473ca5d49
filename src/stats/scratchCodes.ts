import { columnArray } from "./columnArray.ts";

/** One reusable buffer per purpose, grown to the largest size asked for. */
const buffers = new Map<string, Int32Array>();

/**
 * A working array of n codes for one purpose, reused from call to call (its contents are whatever the last
 * caller left: fill every element). On a million rows each fresh array is 4 MB outside the JavaScript heap,
 * and a few dozen of them start a full garbage collection that must trace every object the process holds,
 * the stored responses included; a report asks for thousands of estimates. Callers use the array only
 * until they return, and nothing keeps it (no cache is keyed by it).
 */
export function scratchCodes(purpose: string, n: number): Int32Array {
  let buffer = buffers.get(purpose);
  if (buffer === undefined || buffer.length < n) {
    buffer = columnArray(Int32Array, n);
    buffers.set(purpose, buffer);
  }
  return buffer.subarray(0, n);
}
