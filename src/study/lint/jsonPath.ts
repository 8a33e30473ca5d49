const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Extends a JSON path by an array index or an object key, quoting keys such as "zh-cn" that need it. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
