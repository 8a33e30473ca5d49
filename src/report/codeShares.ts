import { ParallaxError } from "../errors.ts";
import {
  type Design,
  type EstimateRow,
  type GroupOptions,
  numericColumn,
  selectMultiple,
} from "../stats/index.ts";
import type { Codebook } from "../text/codebookTypes.ts";
import { codeColumns } from "../text/codeColumns.ts";

export interface CodeShare extends EstimateRow {
  /** The code's or net's id. */
  code: string;
  kind: "code" | "net";
  label: Record<string, string>;
}

/**
 * The weighted share of respondents whose answer carries each code and each net, with its interval,
 * from the statistics engine (select-multiple estimator over 0/1 columns): a share of people, never a
 * count of words. `coded[i]` is the answer of the design's row i; blank answers are left out of the
 * denominator. With `by` (e.g. the site column), one row per code and domain.
 */
export function codeShares(
  design: Design,
  codebook: Codebook,
  coded: ReadonlyArray<{ codes: readonly string[] }>,
  options: GroupOptions = {},
): CodeShare[] {
  if (coded.length !== design.n) {
    throw new ParallaxError("DESIGN_INVALID", "The coded answers do not line up with the design's rows", [
      { path: options.path ?? "codes", message: `${coded.length} coded answers for ${design.n} rows` },
    ]);
  }
  const prefix = "code:";
  const { items, columns } = codeColumns(codebook, coded, prefix);
  const frame = { ...design.frame, columns: new Map(design.frame.columns) };
  for (const [name, values] of columns) frame.columns.set(name, numericColumn(values));
  const rows = selectMultiple({ ...design, frame }, items, { ci: "logit", ...options });
  const labels = new Map<string, { kind: "code" | "net"; label: Record<string, string> }>([
    ...codebook.codes.map((code) => [code.id, { kind: "code" as const, label: code.label }] as const),
    ...codebook.nets.map((net) => [net.id, { kind: "net" as const, label: net.label }] as const),
  ]);
  return rows.map((row) => {
    const code = (row.level ?? "").slice(prefix.length);
    const about = labels.get(code) ?? { kind: "code" as const, label: {} };
    return { ...row, code, kind: about.kind, label: about.label };
  });
}
