import { join } from "node:path";
import { packageRoot } from "../../src/files/packageRoot.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { createRandom } from "../../src/simulate/random.ts";
import {
  compileQuestionnaire,
  evaluateExpression,
  generateValidAnswers,
} from "../../src/study/validation/index.ts";

export const studyDirectory = join(packageRoot, "examples", "china-lac");
export const studyId = "china-lac";
export const populationId = "lac";

/**
 * Request bodies for the `lac` population, each a complete, eligible, valid response, with `"id":"…"` left
 * for the load generator to fill in per request (every submission is a new respondent). Seeded, so every run
 * sends the same answers.
 */
export async function answerPool(size: number, seed: number): Promise<{ bodies: string[]; bytes: number }> {
  const study = await readStudyFolder(studyDirectory);
  const population = study.definition.populations.find((candidate) => candidate.id === populationId);
  if (!population) throw new Error(`${studyDirectory} has no population ${populationId}`);
  const questionnaire = study.questionnaires[populationId];
  const compiled = compileQuestionnaire(questionnaire.json);
  const random = createRandom(seed);
  const bodies: string[] = [];
  for (let attempt = 0; bodies.length < size && attempt < size * 20; attempt++) {
    const answers = generateValidAnswers(compiled, () => random.next());
    const eligible = !population.eligibility || evaluateExpression(population.eligibility, answers) === true;
    if (!eligible || compiled.validate(answers).length > 0) continue;
    const language = population.languages[bodies.length % population.languages.length];
    bodies.push(
      JSON.stringify({
        id: "",
        language,
        mode: "web",
        questionnaireVersion: questionnaire.version,
        answers,
        paradata: { startedAt: "2025-05-10T12:00:00.000Z", pages: { p1: 31000, p2: 45000 } },
      }),
    );
  }
  if (bodies.length < size)
    throw new Error(`only ${bodies.length} of ${size} generated responses were valid`);
  const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / bodies.length;
  return { bodies, bytes };
}
