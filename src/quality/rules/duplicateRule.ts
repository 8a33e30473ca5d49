import { columnArray } from "../../stats/columnArray.ts";
import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import type { ScreenContext } from "../screenContext.ts";
import { answerHashesOf, type ScreenRows, screenRows, startOrderOf } from "../screenRows.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/**
 * A later response with the same respondent token or device (in modes where those belong to one respondent)
 * or with every answer identical to an earlier one. The earliest is kept.
 */
export function duplicateRule(
  responses: ScreenedResponse[],
  context: ScreenContext,
  rows: ScreenRows = screenRows(responses),
): Flag[] {
  const settings = context.config.rules.duplicate;
  const identifierKeys = settings.identifierKeys;
  // "key NUL value" names one identifier only while no key holds NUL; then one map per key needs no join.
  const joined = identifierKeys.some((key) => key.includes("\u0000"));
  const flags: Flag[] = [];
  // Read in input order, the order the responses lie in memory, and used in start order below: the
  // identifiers ("" where absent or where the mode's identifiers name no respondent) and the ids.
  const identifiers = identifierKeys.map((): string[] => []);
  const ids: string[] = [];
  for (const response of responses) {
    ids.push(response.id);
    const identified = settings.identifierModes.includes(response.mode);
    identifierKeys.forEach((key, k) => {
      const value = identified ? response.paradata[key] : undefined;
      identifiers[k].push(typeof value === "string" ? value : "");
    });
  }
  for (const population of rows.byPopulation.keys()) {
    const outline = context.populations.get(population)?.outline;
    const names = outline?.questions.map((question) => question.name) ?? [];
    const seen = identifierKeys.map(() => new Map<string, string>());
    const lookup = (k: number, value: string) =>
      joined ? seen[0].get(`${identifierKeys[k]}\u0000${value}`) : seen[k].get(value);
    // Answer texts are long: index them by a hash and compare texts only when hashes agree. Each hash's
    // bucket is a chain (through `next`) of the first response of every distinct text with that hash.
    const order = startOrderOf(rows, population);
    // Without an outline every answerText is empty: one bucket holds them all.
    const hashes = outline ? answerHashesOf(rows, population, outline, order) : new Int32Array(order.length);
    const heads = new HashHeads(order.length);
    const next = columnArray(Int32Array, order.length).fill(-1);
    const sameText = (a: number, b: number) => {
      const first = responses[order[a]].answers;
      const second = responses[order[b]].answers;
      // Hash -1 holds the texts with U+0002, which may split differently into answers: compare them whole.
      return hashes[a] === -1
        ? answerText(first, names) === answerText(second, names)
        : sameAnswerTexts(first, second, names);
    };
    for (let position = 0; position < order.length; position++) {
      const row = order[position];
      // Tried in order: the identifiers (where they name a respondent), then the answers.
      let firstId: string | undefined;
      let by = "";
      for (let k = 0; k < identifierKeys.length && firstId === undefined; k++) {
        const value = identifiers[k][row];
        if (value === "") continue;
        firstId = lookup(k, value);
        by = identifierKeys[k];
      }
      if (settings.identicalAnswers) {
        const hash = hashes[position];
        const head = heads.get(hash);
        let same = -1;
        let last = -1;
        if (head >= 0) {
          for (let candidate = head; candidate >= 0; candidate = next[candidate]) {
            if (sameText(candidate, position)) {
              same = candidate;
              break;
            }
            last = candidate;
          }
        }
        if (firstId === undefined && same >= 0) {
          firstId = ids[order[same]];
          by = "answers";
        }
        if (head < 0) heads.set(hash, position);
        else if (same < 0) next[last] = position;
      }
      if (firstId !== undefined) {
        const reason =
          by === "answers" ? reasons.duplicateAnswers(firstId) : reasons.duplicateIdentifier(by, firstId);
        flags.push(makeFlag(responses[row], "duplicate", settings.severity, reason, { of: firstId, by }));
      }
      for (let k = 0; k < identifierKeys.length; k++) {
        const value = identifiers[k][row];
        if (value === "" || lookup(k, value) !== undefined) continue;
        if (joined) seen[0].set(`${identifierKeys[k]}\u0000${value}`, ids[row]);
        else seen[k].set(value, ids[row]);
      }
    }
  }
  return flags;
}

/** An open-addressing table from 32-bit hashes to a row, in two typed arrays: no object per entry. */
class HashHeads {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let capacity = 16;
    while (capacity < entries * 2) capacity *= 2;
    this.keys = columnArray(Int32Array, capacity);
    this.values = columnArray(Int32Array, capacity).fill(-1);
    this.mask = capacity - 1;
  }

  private slot(hash: number): number {
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    while (this.values[slot] >= 0 && this.keys[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The row stored for the hash, or -1. */
  get(hash: number): number {
    return this.values[this.slot(hash)];
  }

  set(hash: number, row: number): void {
    const slot = this.slot(hash);
    this.keys[slot] = hash;
    this.values[slot] = row;
  }
}

function textOfAnswer(value: unknown): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join("\u0001") : String(value);
}

/** Every answer to the questionnaire's questions, in questionnaire order, as one text. */
export function answerText(answers: Record<string, unknown>, names: string[]): string {
  let text = "";
  for (let k = 0; k < names.length; k++) {
    const value = answers[names[k]];
    if (k > 0) text += "\u0002";
    text += textOfAnswer(value);
  }
  return text;
}

/**
 * Whether every answer has the same text in both, for answers none of which holds U+0002 (then two
 * answerTexts are equal exactly when each answer's text is). Lists of the same items need no joining.
 */
function sameAnswerTexts(
  first: Record<string, unknown>,
  second: Record<string, unknown>,
  names: string[],
): boolean {
  for (const name of names) {
    const a = first[name];
    const b = second[name];
    if (a === b) continue;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.length > 0) {
      let same = true;
      for (let index = 0; same && index < a.length; index++)
        same = typeof a[index] === "string" && a[index] === b[index];
      if (same) continue;
    }
    if (textOfAnswer(a) !== textOfAnswer(b)) return false;
  }
  return true;
}
