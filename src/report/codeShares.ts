import { ParallaxError } from "../errors.ts";
import { columnArray } from "../stats/columnArray.ts";
import {
  type Design,
  type EstimateRow,
  type GroupOptions,
  indicatorCodesEstimate,
  scratchCodes,
} from "../stats/index.ts";
import type { Codebook } from "../text/codebookTypes.ts";

/** The bits of these codes (codes not in the codebook carry none). */
function maskOf(codes: readonly string[], codeIndex: Map<string, number>, words: number): Uint32Array {
  const mask = new Uint32Array(words);
  for (const code of codes) {
    const k = codeIndex.get(code);
    if (k !== undefined) mask[k >> 5] |= 1 << (k & 31);
  }
  return mask;
}

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
  const n = design.n;
  const words = Math.max(1, Math.ceil(codebook.codes.length / 32));
  const codeIndex = new Map(codebook.codes.map((code, k) => [code.id, k]));
  // Each answer's codes as bits, so each code's and net's 0/1 indicator is one pass with no column per code.
  const carried = columnArray(Uint32Array, n * words);
  const blank = columnArray(Uint8Array, n);
  for (let row = 0; row < n; row++) {
    const codes = coded[row].codes;
    if (codes.length === 0) blank[row] = 1;
    for (const code of codes) {
      const k = codeIndex.get(code);
      if (k !== undefined) carried[row * words + (k >> 5)] |= 1 << (k & 31);
    }
  }
  const masks = [
    ...codebook.codes.map((code) => ({ id: code.id, mask: maskOf([code.id], codeIndex, words) })),
    ...codebook.nets.map((net) => ({ id: net.id, mask: maskOf(net.codes, codeIndex, words) })),
  ];
  const indicator = scratchCodes("codeShares", n);
  const rows: EstimateRow[] = [];
  for (const { id, mask } of masks) {
    for (let row = 0; row < n; row++) {
      let hit = 0;
      for (let w = 0; w < words; w++) hit |= carried[row * words + w] & mask[w];
      indicator[row] = blank[row] === 1 ? -1 : hit !== 0 ? 1 : 0;
    }
    rows.push(...indicatorCodesEstimate(design, indicator, `${prefix}${id}`, { ci: "logit", ...options }));
  }
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
