import type { StudyDefinition } from "../types.ts";
import { findDuplicates } from "./findDuplicates.ts";
import { childPath } from "./jsonPath.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";

/** Ids in study.json that must be unique: languages, populations, the sites of a population, concepts. */
export function lintStudyDuplicates(definition: StudyDefinition, file = "study.json"): LintProblem[] {
  const sink = new ProblemSink(file, "duplicate");
  const listed = <T>(list: readonly T[], path: string) =>
    list.map((item, position) => ({ item, path: childPath(path, position) }));
  findDuplicates(
    sink,
    listed(definition.languages, "$.languages"),
    (entry) => entry.item,
    (entry) => entry.path,
    "language",
  );
  findDuplicates(
    sink,
    listed(definition.populations, "$.populations"),
    (entry) => entry.item.id,
    (entry) => childPath(entry.path, "id"),
    "population id",
  );
  definition.populations.forEach((population, position) => {
    const path = childPath("$.populations", position);
    findDuplicates(
      sink,
      listed(population.languages, childPath(path, "languages")),
      (entry) => entry.item,
      (entry) => entry.path,
      "language",
    );
    findDuplicates(
      sink,
      listed(population.sites, childPath(path, "sites")),
      (entry) => entry.item.id,
      (entry) => childPath(entry.path, "id"),
      "site id",
    );
  });
  findDuplicates(
    sink,
    listed(definition.concepts, "$.concepts"),
    (entry) => entry.item.id,
    (entry) => childPath(entry.path, "id"),
    "concept id",
  );
  return sink.problems;
}
