import type { ProblemSink } from "./lintProblem.ts";

/**
 * Reports every entry whose key an earlier entry already used, at the later entry's path. `keyOf` returns
 * undefined for entries that carry no key (checked elsewhere).
 */
export function findDuplicates<T>(
  sink: ProblemSink,
  entries: readonly T[],
  keyOf: (entry: T) => string | undefined,
  pathOf: (entry: T) => string,
  what: string,
  where = "",
): void {
  const firstPath = new Map<string, string>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    const earlier = firstPath.get(key);
    if (earlier === undefined) firstPath.set(key, pathOf(entry));
    else sink.error(pathOf(entry), `duplicate ${what} "${key}"${where} (first at ${earlier})`);
  }
}
