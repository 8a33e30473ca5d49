import { detectGibberish } from "../detectGibberish.ts";
import { buildLexicon, type Lexicon } from "../lexicon.ts";
import { makeFlag } from "../makeFlag.ts";
import { type GibberishWhy, reasons } from "../reasons.ts";
import type { ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

const lexicons = new WeakMap<object, Map<string, Lexicon>>();

/** Nonsense typed into an open question, judged in the language the respondent answered in. */
export function gibberishRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const settings = context.config.rules.gibberish;
  const openQuestions = new Map<string, string[]>();
  for (const [id, screen] of context.populations) {
    const open = screen.outline.questions
      .filter((question) => question.kind === "open")
      .map((question) => question.name);
    openQuestions.set(
      id,
      settings.questions.length > 0 ? open.filter((name) => settings.questions.includes(name)) : open,
    );
  }
  let byLanguage = lexicons.get(context.study);
  if (!byLanguage) {
    byLanguage = new Map();
    lexicons.set(context.study, byLanguage);
  }
  const flags: Flag[] = [];
  // Open answers repeat a great deal ("no sé", "nothing"): judge each distinct text of a language once,
  // in a map per language so that no key is built per answer.
  const verdictsByLanguage = new Map<string, Map<string, GibberishWhy | null>>();
  for (const response of responses) {
    for (const question of openQuestions.get(response.population) ?? []) {
      const text = response.answers[question];
      if (typeof text !== "string") continue;
      let lexicon = byLanguage.get(response.language);
      if (!lexicon) {
        lexicon = buildLexicon(context.study, response.language);
        byLanguage.set(response.language, lexicon);
      }
      let verdicts = verdictsByLanguage.get(response.language);
      if (!verdicts) {
        verdicts = new Map();
        verdictsByLanguage.set(response.language, verdicts);
      }
      let why = verdicts.get(text);
      if (why === undefined) {
        why = detectGibberish(text, response.language, lexicon) ?? null;
        verdicts.set(text, why);
      }
      if (why === null) continue;
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      flags.push(
        makeFlag(response, "gibberish", settings.severity, reasons.gibberish(question, shown, why), {
          question,
          why,
        }),
      );
      break;
    }
  }
  return flags;
}
