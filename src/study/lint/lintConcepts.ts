import type { Concept, ConceptQuestion, LoadedStudy } from "../types.ts";
import type { IndexedElement, QuestionnaireIndex } from "./indexQuestionnaire.ts";
import { childPath } from "./jsonPath.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";
import { choiceValues, describeKind, type QuestionKind, questionKind, rowValues } from "./questionChoices.ts";

/** A concept's question, found in its questionnaire, with its values after the concept's choiceMap. */
interface Member {
  link: ConceptQuestion;
  path: string;
  file: string;
  question: IndexedElement;
  kind: QuestionKind;
  choices?: Mapped[];
  rows?: Mapped[];
}

interface Mapped {
  own: string;
  concept: string;
}

/**
 * Checks each concept: its populations and questions exist, it spans two populations or more, its
 * questions collect the same kind of answer, and every choice (and matrix row) of each question, after
 * the choiceMap, has a counterpart in every other question.
 */
export function lintConcepts(
  study: LoadedStudy,
  indexes: ReadonlyMap<string, QuestionnaireIndex>,
  file = "study.json",
): LintProblem[] {
  const sink = new ProblemSink(file, "concept");
  study.definition.concepts.forEach((concept, position) => {
    const path = childPath("$.concepts", position);
    const members = findMembers(sink, study, indexes, concept, path);
    const populations = new Set(concept.questions.map((link) => link.population));
    if (populations.size < 2) sink.warning(path, `concept "${concept.id}" links fewer than two populations`);
    const [first, ...others] = members;
    if (!first) return;
    const mismatched = others.find((member) => member.kind !== first.kind);
    if (mismatched) {
      sink.error(
        mismatched.path,
        `${describe(mismatched)} is ${describeKind(mismatched.kind)} but ${describe(first)} is ${describeKind(first.kind)}`,
      );
      return;
    }
    for (const member of members) {
      for (const other of members) {
        if (other === member) continue;
        reportUnmatched(sink, member, other, "choices", "choice");
        reportUnmatched(sink, member, other, "rows", "row");
      }
    }
  });
  return sink.problems;
}

function findMembers(
  sink: ProblemSink,
  study: LoadedStudy,
  indexes: ReadonlyMap<string, QuestionnaireIndex>,
  concept: Concept,
  conceptPath: string,
): Member[] {
  const members: Member[] = [];
  concept.questions.forEach((link, position) => {
    const path = childPath(childPath(conceptPath, "questions"), position);
    const questionnaire = study.questionnaires[link.population];
    const index = indexes.get(link.population);
    if (!questionnaire || !index) {
      sink.error(childPath(path, "population"), `unknown population "${link.population}"`);
      return;
    }
    const question = index.questions.get(link.question);
    if (!question) {
      sink.error(childPath(path, "question"), `question "${link.question}" is not in ${questionnaire.file}`);
      return;
    }
    const choices = choiceValues(question.json);
    const rows = rowValues(question.json);
    const map = link.choiceMap ?? {};
    for (const key of Object.keys(map)) {
      if (!choices?.includes(key) && !rows?.includes(key)) {
        const where = childPath(childPath(path, "choiceMap"), key);
        sink.error(where, `"${key}" is not a choice of ${questionnaire.file} ${link.question}`);
      }
    }
    const mapped = (values: string[] | undefined) =>
      values?.map((own) => ({ own, concept: map[own] ?? own }));
    const member = { link, path, file: questionnaire.file, question, kind: questionKind(question.json) };
    members.push({ ...member, choices: mapped(choices), rows: mapped(rows) });
  });
  return members;
}

function reportUnmatched(
  sink: ProblemSink,
  member: Member,
  other: Member,
  list: "choices" | "rows",
  what: string,
) {
  const own = member[list];
  const theirs = other[list];
  if (!own || !theirs) return;
  const counterparts = new Set(theirs.map((value) => value.concept));
  for (const value of own) {
    if (counterparts.has(value.concept)) continue;
    const shown =
      value.own === value.concept ? `"${value.own}"` : `"${value.own}" (mapped to "${value.concept}")`;
    sink.error(
      member.path,
      `${what} ${shown} of ${describe(member)} has no counterpart in ${other.link.population}`,
    );
  }
}

function describe(member: Member): string {
  return `${member.file} ${member.link.question}`;
}
