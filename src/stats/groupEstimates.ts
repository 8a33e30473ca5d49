import { ParallaxError } from "../errors.ts";
import type { CiMethod } from "./ciProportion.ts";
import type { Design } from "./designTypes.ts";
import { categoricalOf } from "./domains.ts";
import { type EstimateRow, indicatorCodesEstimate, indicatorEstimate } from "./estimates.ts";
import { asNumeric, MISSING_CODE } from "./frame.ts";
import { scratchCodes } from "./scratchCodes.ts";

export interface GroupOptions {
  by?: string | string[];
  ci?: CiMethod;
  level?: number;
  path?: string;
}

export interface RankingRow extends EstimateRow {
  statistic: "meanRank" | "shareFirst";
}

/** Share choosing each option of a select-multiple question (0/1 columns; missing = not asked). */
export function selectMultiple(design: Design, items: string[], options: GroupOptions = {}): EstimateRow[] {
  return items.flatMap((item) =>
    indicatorEstimate(design, numericItem(design, item, options.path), item, options),
  );
}

/**
 * For each ranked item: its mean rank among respondents who ranked it, and the share of those who
 * answered the question at all (ranked any item) who put it first.
 */
export function rankingSummary(design: Design, items: string[], options: GroupOptions = {}): RankingRow[] {
  const ranks = items.map((item) => numericItem(design, item, options.path));
  const answered = scratchCodes("rankingAnswered", design.n).fill(0);
  for (const values of ranks)
    for (let i = 0; i < design.n; i++) if (!Number.isNaN(values[i])) answered[i] = 1;
  const rows: RankingRow[] = [];
  items.forEach((item, k) => {
    const values = ranks[k];
    const byOnly = { by: options.by, path: options.path };
    for (const row of indicatorEstimate(design, values, item, byOnly))
      rows.push({ ...row, statistic: "meanRank" });
    const first = scratchCodes("rankingFirst", design.n);
    for (let i = 0; i < design.n; i++) first[i] = answered[i] === 0 ? -1 : values[i] === 1 ? 1 : 0;
    for (const row of indicatorCodesEstimate(design, first, item, byOnly))
      rows.push({ ...row, statistic: "shareFirst" });
  });
  return rows;
}

/** Share answering in the top levels of a scale; by default the two highest levels (top-two-box). */
export function topBox(
  design: Design,
  variable: string,
  levels: string[] | undefined,
  options: GroupOptions = {},
): EstimateRow[] {
  const path = options.path ?? "estimate";
  const column = categoricalOf(design.frame, variable, `${path}.variable`);
  const chosen = levels ?? column.levels.slice(-2);
  const wanted = new Uint8Array(column.levels.length);
  for (const level of chosen) {
    const code = column.levels.indexOf(level);
    if (code < 0) {
      throw new ParallaxError("SPEC_INVALID", `Level ${level} of ${variable} is not in the data`, [
        { path: `${path}.levels`, message: `${variable} has levels ${column.levels.join(", ")}` },
      ]);
    }
    wanted[code] = 1;
  }
  const codes = scratchCodes("topBox", design.n);
  for (let i = 0; i < design.n; i++) {
    const code = column.codes[i];
    codes[i] = code === MISSING_CODE ? -1 : wanted[code];
  }
  return indicatorCodesEstimate(design, codes, chosen.join("+"), options);
}

function numericItem(design: Design, item: string, path = "estimate"): Float64Array {
  const column = design.frame.columns.get(item);
  const values = column === undefined ? null : asNumeric(column);
  if (values === null) {
    throw new ParallaxError("SPEC_INVALID", `No numeric column named ${item}`, [
      { path: `${path}.variables`, message: `column ${item} is missing or not numeric` },
    ]);
  }
  return values;
}
