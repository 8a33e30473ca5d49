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
 *
 * Coded answers repeat (a coder remembers each distinct answer), so each distinct one is read once and the
 * columns are filled one after another from a small table; the columns share one buffer, allocated at once.
 */
export function codeColumns(
  codebook: Codebook,
  coded: ReadonlyArray<{ codes: readonly string[] }>,
  prefix = "",
): CodeColumns {
  const n = coded.length;
  const codeCount = codebook.codes.length;
  const buffer = new Float64Array(n * (codeCount + codebook.nets.length));
  const slot = (k: number) => buffer.subarray(k * n, (k + 1) * n);
  const columns = new Map<string, Float64Array>();
  const items: string[] = [];
  // A code id's column: the last of the codes with that id, as a map keyed by id keeps it.
  const byCode = new Map<string, number>();
  const all: Float64Array[] = [];
  codebook.codes.forEach((code, k) => {
    const values = slot(k);
    all.push(values);
    byCode.set(code.id, k);
    items.push(`${prefix}${code.id}`);
    columns.set(`${prefix}${code.id}`, values);
  });
  const netCodes = codebook.nets.map((net) => net.codes.filter((code) => byCode.has(code)));
  codebook.nets.forEach((net, j) => {
    const values = slot(codeCount + j);
    all.push(values);
    items.push(`${prefix}${net.id}`);
    columns.set(`${prefix}${net.id}`, values);
  });
  const answerIds = new Int32Array(n);
  const idOf = new Map<{ codes: readonly string[] }, number>();
  const answers: Array<readonly string[]> = [];
  for (let row = 0; row < n; row++) {
    const answer = coded[row];
    let id = idOf.get(answer);
    if (id === undefined) {
      id = answers.length;
      answers.push(answer.codes);
      idOf.set(answer, id);
    }
    answerIds[row] = id;
  }
  const fill = (values: Float64Array, carries: (codes: readonly string[]) => number) => {
    const table = Float64Array.from(answers, (codes) => (codes.length === 0 ? Number.NaN : carries(codes)));
    for (let row = 0; row < n; row++) values[row] = table[answerIds[row]];
  };
  // A code whose id comes again later is not among the columns: the later one is.
  codebook.codes.forEach((code, k) => {
    if (byCode.get(code.id) === k) fill(all[k], (codes) => (codes.includes(code.id) ? 1 : 0));
  });
  netCodes.forEach((members, j) => {
    fill(all[codeCount + j], (codes) => (members.some((code) => codes.includes(code)) ? 1 : 0));
  });
  return { items, columns };
}
