import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { groupBy, type ScreenContext, sortByStart } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/**
 * A later response with the same respondent token or device (in modes where those belong to one respondent)
 * or with every answer identical to an earlier one. The earliest is kept.
 */
export function duplicateRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const settings = context.config.rules.duplicate;
  const flags: Flag[] = [];
  for (const [population, group] of groupBy(responses, (response) => response.population)) {
    const names =
      context.populations.get(population)?.outline.questions.map((question) => question.name) ?? [];
    const seen = new Map<string, string>();
    // Answer texts are long: index them by a hash and compare texts only when hashes agree.
    const textIds = new Map<string, number>();
    const firstByAnswers = new Map<number, Array<{ response: ScreenedResponse; text: string | null }>>();
    const textOf = (entry: { response: ScreenedResponse; text: string | null }) => {
      entry.text ??= answerText(entry.response.answers, names);
      return entry.text;
    };
    for (const response of sortByStart(group)) {
      // Tried in order: the identifiers (where they name a respondent), then the answers.
      const keys: string[] = [];
      const kinds: string[] = [];
      if (settings.identifierModes.includes(response.mode)) {
        for (const key of settings.identifierKeys) {
          const value = response.paradata[key];
          if (typeof value === "string" && value !== "") {
            keys.push(`${key}\u0000${value}`);
            kinds.push(key);
          }
        }
      }
      let firstId: string | undefined;
      let by = "";
      for (let k = 0; k < keys.length && firstId === undefined; k++) {
        firstId = seen.get(keys[k]);
        by = kinds[k];
      }
      if (settings.identicalAnswers) {
        const own = { response, text: null };
        const hash = answerHash(response.answers, names, textIds);
        const candidates = firstByAnswers.get(hash);
        const same = candidates?.find((candidate) => textOf(candidate) === textOf(own));
        if (firstId === undefined && same) {
          firstId = same.response.id;
          by = "answers";
        }
        if (!candidates) firstByAnswers.set(hash, [own]);
        else if (!same) candidates.push(own);
      }
      if (firstId !== undefined) {
        const reason =
          by === "answers" ? reasons.duplicateAnswers(firstId) : reasons.duplicateIdentifier(by, firstId);
        flags.push(makeFlag(response, "duplicate", settings.severity, reason, { of: firstId, by }));
      }
      for (const key of keys) if (!seen.has(key)) seen.set(key, response.id);
    }
  }
  return flags;
}

/** Every answer to the questionnaire's questions, in questionnaire order, as one text. */
export function answerText(answers: Record<string, unknown>, names: string[]): string {
  let text = "";
  for (let k = 0; k < names.length; k++) {
    const value = answers[names[k]];
    if (k > 0) text += "\u0002";
    if (value === undefined) continue;
    text += Array.isArray(value) ? value.join("\u0001") : String(value);
  }
  return text;
}

/**
 * A hash of answerText(answers, names) from the ids of each answer's text (numbered in `ids` as first met,
 * so equal texts get equal hashes without hashing their characters), or -1 when an answer holds the
 * separator U+0002: texts that are equal then may split differently into answers, so they share bucket -1.
 */
export function answerHash(
  answers: Record<string, unknown>,
  names: string[],
  ids: Map<string, number>,
): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = 0; k < names.length; k++) {
    const value = answers[names[k]];
    const text =
      value === undefined
        ? ""
        : typeof value === "string"
          ? value
          : Array.isArray(value)
            ? value.join("\u0001")
            : String(value);
    let id = ids.get(text);
    if (id === undefined) {
      if (text.includes("\u0002")) return -1;
      id = ids.size;
      ids.set(text, id);
    }
    hash = Math.imul(hash ^ id, 0x01000193);
  }
  return hash;
}
