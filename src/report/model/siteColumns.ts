import type { ScreenedResponse } from "../../quality/types.ts";
import { columnArray } from "../../stats/columnArray.ts";
import { MISSING_CODE } from "../../stats/index.ts";
import type { LoadedStudy } from "../../study/types.ts";
import type { NamedColumns } from "./answerWriters.ts";

const UNKNOWN = -2;

export function siteLevel(population: string, site: string): string {
  return `${population}/${site}`;
}

/**
 * The `site` column (levels `<population>/<site>`) and the site of each population apart
 * (`site@<population>`, missing elsewhere). A row's site is its recorded site, else its answer to the
 * population's site question; one unknown to the study is missing. Rows are read in the report's one pass
 * over them (`read`, with the row's position in `populations`); sites repeat across a million rows, so each
 * population's distinct recorded sites are resolved once.
 */
export function siteColumns(
  study: LoadedStudy,
  populations: string[],
  n: number,
): {
  read(row: ScreenedResponse, i: number, population: number): void;
  columns(rowsOf: (population: string) => Int32Array): NamedColumns;
} {
  const definitions = study.definition.populations;
  const siteLevels = definitions.flatMap((population) =>
    population.sites.map((site) => siteLevel(population.id, site.id)),
  );
  // Positions as categoricalColumn gives them: the last one, should a level repeat.
  const siteIndex = new Map(siteLevels.map((level, i) => [level, i]));
  const siteQuestions = new Map(definitions.map((population) => [population.id, population.siteQuestion]));
  const questions = populations.map((id) => siteQuestions.get(id));
  // Every known level a row resolved to, by number, and each row's number (-1: unknown).
  const levels: string[] = [];
  const levelNumbers = new Map<string, number>();
  const rowLevels = columnArray(Int32Array, n).fill(MISSING_CODE);
  const seen = populations.map(() => new Map<unknown, number>());
  const read = (row: ScreenedResponse, i: number, population: number) => {
    const question = questions[population];
    const recorded = row.site ?? (question ? String(row.answers[question] ?? "") : "");
    let number = seen[population].get(recorded);
    if (number === undefined) {
      const level = siteLevel(populations[population], recorded);
      number = MISSING_CODE;
      if (siteIndex.has(level)) {
        number = levelNumbers.get(level) ?? levels.length;
        if (number === levels.length) {
          levels.push(level);
          levelNumbers.set(level, number);
        }
      }
      seen[population].set(recorded, number);
    }
    rowLevels[i] = number;
  };
  // Each level's code is worked out once, and only for levels that occur in the rows recoded.
  const recode = (codeOf: (level: string) => number, rowList: Int32Array | null): Int32Array => {
    const codes = columnArray(Int32Array, n).fill(MISSING_CODE);
    const byNumber = new Int32Array(levels.length).fill(UNKNOWN);
    const count = rowList === null ? n : rowList.length;
    for (let k = 0; k < count; k++) {
      const i = rowList === null ? k : rowList[k];
      const number = rowLevels[i];
      if (number === MISSING_CODE) continue;
      if (byNumber[number] === UNKNOWN) byNumber[number] = codeOf(levels[number]);
      codes[i] = byNumber[number];
    }
    return codes;
  };
  const columns = (rowsOf: (population: string) => Int32Array): NamedColumns => {
    const out: NamedColumns = [
      [
        "site",
        {
          kind: "categorical",
          codes: recode((level) => (level === "" ? MISSING_CODE : (siteIndex.get(level) as number)), null),
          levels: siteLevels,
        },
      ],
    ];
    for (const population of definitions) {
      const ids = population.sites.map((site) => site.id);
      const idIndex = new Map(ids.map((id, i) => [id, i]));
      const codeOf = (level: string) => {
        const id = level.slice(population.id.length + 1);
        if (id === "") return MISSING_CODE;
        const code = idIndex.get(id);
        if (code === undefined) throw new RangeError(`value ${id} is not one of the levels`);
        return code;
      };
      out.push([
        `site@${population.id}`,
        { kind: "categorical", codes: recode(codeOf, rowsOf(population.id)), levels: ids },
      ]);
    }
    return out;
  };
  return { read, columns };
}
