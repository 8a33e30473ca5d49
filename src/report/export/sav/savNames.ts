const reservedWords = new Set([
  "ALL",
  "AND",
  "BY",
  "EQ",
  "GE",
  "GT",
  "LE",
  "LT",
  "NE",
  "NOT",
  "OR",
  "TO",
  "WITH",
]);

/**
 * A valid SPSS variable name (at most 64 bytes, starting with a letter, letters, digits and `_ . $ # @`, not
 * ending in a period, not a reserved word), unique case-insensitively among `taken`, which it joins.
 */
export function spssName(name: string, taken: Set<string>): string {
  let base = name.replace(/[^\p{L}\p{N}_.$#@]/gu, "_").replace(/\.+$/, "");
  if (!/^\p{L}/u.test(base)) base = `v${base}`;
  if (reservedWords.has(base.toUpperCase())) base = `${base}_`;
  base = cutBytes(base, 64);
  return unique(base, 64, taken);
}

/** An 8-byte upper-case ASCII short name for the variable records, unique among `taken`, which it joins. */
export function shortName(longName: string, taken: Set<string>): string {
  let base = longName.toUpperCase().replace(/[^A-Z0-9_]/g, "");
  if (!/^[A-Z]/.test(base)) base = `V${base}`;
  if (reservedWords.has(base)) base = `${base}_`;
  return unique(base.slice(0, 8), 8, taken);
}

function cutBytes(text: string, maxBytes: number): string {
  let result = text;
  while (new TextEncoder().encode(result).length > maxBytes) result = result.slice(0, -1);
  return result;
}

function unique(base: string, maxBytes: number, taken: Set<string>): string {
  let candidate = base;
  for (let counter = 2; taken.has(candidate.toUpperCase()); counter++) {
    const suffix = `_${counter}`;
    candidate = `${cutBytes(base, maxBytes - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toUpperCase());
  return candidate;
}
