/** A typed-array class (Float64Array, Int32Array, …), as columnArray takes it. */
export interface TypedArrayKind<T> {
  new (length: number): T;
  new (buffer: SharedArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** Below this, an array is cheap whatever memory backs it. */
const minimumSharedBytes = 64 * 1024;
/** Shared memory handed out and not yet collected, at most: past it, arrays are ordinary again. */
const sharedBudgetBytes = 4 * 2 ** 30;

// Process-wide on purpose, like the allocator it stands in for: the budget bounds what every caller holds.
let heldSharedBytes = 0;
const released = new FinalizationRegistry<number>((bytes) => {
  heldSharedBytes -= bytes;
});

/**
 * A zero-filled typed array of `length` for a column of a job (an element per response), backed by
 * SharedArrayBuffer memory when it is large.
 *
 * Why: V8 counts the memory of an ArrayBuffer that outlives a young-generation collection as external
 * memory, and each time 64 MB more of it is held than after the last full collection it starts another.
 * A job holds a million stored responses (about 2 GB of objects), so every full collection marks them all
 * for 2–3 s, and a report allocates 1.6 GB of such columns: 36 of its 100 s went to collections that freed
 * almost nothing. SharedArrayBuffer memory is not counted that way and is still released when its array is
 * collected; `sharedBudgetBytes` bounds what can pile up meanwhile, by falling back to ordinary arrays (whose
 * pressure brings the collection that releases the shared ones). Nothing is shared with another thread.
 */
export function columnArray<T>(kind: TypedArrayKind<T>, length: number): T {
  const bytes = length * kind.BYTES_PER_ELEMENT;
  if (
    bytes < minimumSharedBytes ||
    heldSharedBytes + bytes > sharedBudgetBytes ||
    typeof SharedArrayBuffer === "undefined" // browsers without cross-origin isolation
  )
    return new kind(length);
  const buffer = new SharedArrayBuffer(bytes);
  heldSharedBytes += bytes;
  released.register(buffer, bytes);
  return new kind(buffer);
}

/** columnArray filled from `source` (`map` applied, as TypedArray.from applies it). */
export function columnArrayFrom<T extends { [index: number]: number }, S>(
  kind: TypedArrayKind<T>,
  source: ArrayLike<S>,
  map: (value: S, index: number) => number,
): T {
  const array = columnArray(kind, source.length);
  for (let index = 0; index < source.length; index++) array[index] = map(source[index], index);
  return array;
}

/** columnArray holding a copy of `source`. */
export function columnCopy<T extends { set(source: ArrayLike<number>): void }>(
  kind: TypedArrayKind<T>,
  source: ArrayLike<number>,
): T {
  const array = columnArray(kind, source.length);
  array.set(source);
  return array;
}
