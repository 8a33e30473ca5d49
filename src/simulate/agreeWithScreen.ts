import type { QualityConfig } from "../quality/qualityConfig.ts";
import { runScreen } from "../quality/screenResponses.ts";
import type { LoadedStudy } from "../study/types.ts";
import type { QuestionnaireSampler } from "./drawAnswers.ts";
import type { Random } from "./random.ts";
import { type FieldworkSlot, realizeSlot } from "./realizeSlot.ts";
import type { FaultName, SimulatedResponse } from "./types.ts";

const maxRounds = 10;

/**
 * Exact mode: screens the simulation and redraws every response whose verdict disagrees with its truth (a
 * clean response excluded by chance, a faulty one that slipped through), keeping its slot (who, where, when,
 * which fault), until they agree. Then the valid counts equal the clean counts asked for. Returns the rounds used; the detectors are measured without this mode.
 */
export function agreeWithScreen(
  study: LoadedStudy,
  quality: QualityConfig,
  slots: FieldworkSlot[],
  samplers: Map<string, QuestionnaireSampler>,
  responses: Map<string, SimulatedResponse>,
  truth: Map<string, FaultName[]>,
  random: Random,
): number {
  for (let round = 1; round <= maxRounds; round++) {
    const flags = runScreen(study, [...responses.values()], quality).flags;
    const excluded = new Set(flags.filter((flag) => flag.severity === "exclude").map((flag) => flag.id));
    const disagreeing = slots.filter((slot) => {
      const response = responses.get(slot.id);
      const faulty = truth.has(slot.id);
      const screenedOut = excluded.has(slot.id) || response?.status === "screened_out";
      return faulty !== screenedOut;
    });
    if (disagreeing.length === 0) return round - 1;
    // A redrawn response that others copied is copied again, so the duplicates stay duplicates.
    const redrawn = new Set(disagreeing.map((slot) => slot.id));
    const copies = slots.filter(
      (slot) => slot.source !== undefined && redrawn.has(slot.source) && !redrawn.has(slot.id),
    );
    for (const slot of [
      ...disagreeing.filter((slot) => !slot.source),
      ...disagreeing.filter((slot) => slot.source),
      ...copies,
    ]) {
      // A respondent's pace is part of the draw: a clean response flagged for speed gets a new one.
      if (!slot.fault)
        slot.pace = (slot.mode === "f2f" ? 1.7 : 1) * random.logNormal(1, slot.mode === "f2f" ? 0.2 : 0.25);
      const { response, faults } = realizeSlot(random.fork(), slot, samplers, responses);
      responses.set(response.id, response);
      if (faults.length > 0) truth.set(response.id, faults);
      else truth.delete(response.id);
    }
  }
  return maxRounds;
}
