import type { Codebook } from "./codebookTypes.ts";

export interface CodeColumns {
  /** Column names in codebook order: every code, then every net. */
  items: string[];
  /** One value per answer: 1 if it carries the code (or any code of the net), 0 if not, NaN if blank. */
  columns: Map<string, Float64Array>;
}

/**
 * Turns coded answers into one 0/1 column per code and per net, for the statistics engine. A blank
 * answer (no codes) is missing, not 0, so shares are of respondents who answered.
 */
export function codeColumns(
  codebook: Codebook,
  coded: ReadonlyArray<{ codes: readonly string[] }>,
  prefix = "",
): CodeColumns {
  const n = coded.length;
  const columns = new Map<string, Float64Array>();
  const items: string[] = [];
  const byCode = new Map<string, Float64Array>();
  for (const code of codebook.codes) {
    const values = new Float64Array(n);
    byCode.set(code.id, values);
    items.push(`${prefix}${code.id}`);
    columns.set(`${prefix}${code.id}`, values);
  }
  coded.forEach((answer, row) => {
    if (answer.codes.length === 0) {
      for (const values of byCode.values()) values[row] = Number.NaN;
      return;
    }
    for (const code of answer.codes) {
      const values = byCode.get(code);
      if (values) values[row] = 1;
    }
  });
  for (const net of codebook.nets) {
    const values = new Float64Array(n);
    for (let row = 0; row < n; row++) {
      const blank = coded[row].codes.length === 0;
      values[row] = blank ? Number.NaN : net.codes.some((code) => byCode.get(code)?.[row] === 1) ? 1 : 0;
    }
    items.push(`${prefix}${net.id}`);
    columns.set(`${prefix}${net.id}`, values);
  }
  return { items, columns };
}
