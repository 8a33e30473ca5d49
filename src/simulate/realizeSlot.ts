import { evaluateExpression } from "../study/validation/index.ts";
import type { QuestionnaireSampler } from "./drawAnswers.ts";
import { drawAnswers, type FabricationStyle } from "./drawAnswers.ts";
import { drawTimings } from "./drawTimings.ts";
import { injectFault, perturb } from "./injectFault.ts";
import type { Random } from "./random.ts";
import type { FaultName, SimulatedResponse } from "./types.ts";

/** One response to be simulated: who, where, when, how, and the fault it will carry. */
export interface FieldworkSlot {
  id: string;
  population: string;
  questionnaireVersion: string;
  site: string;
  country: string;
  language: string;
  mode: "web" | "f2f";
  interviewer?: string;
  startedAt: Date;
  /** The respondent's (or interviewer's) pace: 1 typical, above 1 slower. */
  pace: number;
  fault?: FaultName;
  fabrication?: FabricationStyle;
  /** For duplicates: the id of the response copied. */
  source?: string;
}

const hex = (random: Random, length: number) =>
  Array.from({ length }, () => random.int(16).toString(16)).join("");

/** Draws the answers and paradata of a slot; returns the response and the faults it carries. */
export function realizeSlot(
  random: Random,
  slot: FieldworkSlot,
  samplers: Map<string, QuestionnaireSampler>,
  existing: Map<string, SimulatedResponse>,
): { response: SimulatedResponse; faults: FaultName[] } {
  const sampler = samplers.get(slot.population) as QuestionnaireSampler;
  const source = slot.source ? existing.get(slot.source) : undefined;
  if ((slot.fault === "duplicate" || slot.fault === "near_duplicate") && source)
    return copyOf(random, slot, sampler, source);
  if (slot.fault === "ineligible") return screenedOut(random, slot, sampler);
  const answers = drawAnswers(random, sampler, {
    site: slot.site,
    language: slot.language,
    fabrication: slot.fabrication,
  });
  let draft = {
    answers,
    timings: drawTimings(random, sampler.outline, answers, slot.startedAt, slot.pace),
    faults: [] as FaultName[],
  };
  if (slot.fault === "fabricated") draft.faults = ["fabricated"];
  else if (slot.fault) draft = injectFault(random, slot.fault, draft, sampler, slot.language, slot.pace);
  const paradata: Record<string, unknown> = { ...draft.timings, deviceId: deviceOf(random, slot) };
  if (slot.mode === "web") paradata.token = hex(random, 16);
  if (slot.interviewer) paradata.interviewer = slot.interviewer;
  return { response: build(slot, draft.answers, paradata, "complete"), faults: draft.faults };
}

function deviceOf(random: Random, slot: FieldworkSlot): string {
  // An interviewer carries one tablet; a web respondent brings their own device.
  return slot.interviewer ? `tablet-${slot.interviewer}` : hex(random, 12);
}

function build(
  slot: FieldworkSlot,
  answers: Record<string, unknown>,
  paradata: Record<string, unknown>,
  status: SimulatedResponse["status"],
): SimulatedResponse {
  const response: SimulatedResponse = {
    id: slot.id,
    population: slot.population,
    site: slot.site,
    language: slot.language,
    mode: slot.mode,
    status,
    questionnaireVersion: slot.questionnaireVersion,
    answers,
    paradata,
  };
  if (slot.interviewer) response.interviewer = slot.interviewer;
  return response;
}

/**
 * A resubmission: the same answers (duplicate) or the same answers with one to three changed (near
 * duplicate), started later. Half the exact duplicates come back from the same device with the same token.
 */
function copyOf(
  random: Random,
  slot: FieldworkSlot,
  sampler: QuestionnaireSampler,
  source: SimulatedResponse,
) {
  const answers = structuredClone(source.answers);
  if (slot.fault === "near_duplicate") perturb(random, sampler, answers, source.site, 1 + random.int(3));
  const delayHours = 0.2 + random.next() * 48;
  const startedAt = new Date(Date.parse(String(source.paradata.startedAt)) + delayHours * 3_600_000);
  const timings = drawTimings(random, sampler.outline, answers, startedAt, slot.pace);
  const sameDevice = slot.fault === "duplicate" && random.chance(0.5);
  const paradata: Record<string, unknown> = {
    ...timings,
    deviceId: sameDevice ? source.paradata.deviceId : hex(random, 12),
    token: sameDevice ? source.paradata.token : hex(random, 16),
  };
  const copy = { ...slot, site: source.site, language: source.language, country: slot.country };
  return { response: build(copy, answers, paradata, "complete"), faults: [slot.fault as FaultName] };
}

/** Someone outside the age range: the screening page only, then the screen-out message. */
function screenedOut(random: Random, slot: FieldworkSlot, sampler: QuestionnaireSampler) {
  const first = sampler.outline.pages[0];
  const answers: Record<string, unknown> = {};
  const full = drawAnswers(random, sampler, { site: slot.site, language: slot.language });
  for (const question of sampler.outline.questions)
    if (question.page === first && question.name in full) answers[question.name] = full[question.name];
  const ageQuestion = sampler.outline.questions.find((question) => question.kind === "number")?.name ?? "age";
  const eligibility = sampler.eligibility;
  for (let attempt = 0; attempt < 50; attempt++) {
    answers[ageQuestion] = random.chance(0.6) ? 14 + random.int(4) : 71 + random.int(10);
    if (eligibility && evaluateExpression(eligibility, answers) === false) break;
  }
  const timings = drawTimings(random, sampler.outline, answers, slot.startedAt, slot.pace);
  const paradata: Record<string, unknown> = { ...timings, deviceId: hex(random, 12), token: hex(random, 16) };
  return { response: build(slot, answers, paradata, "screened_out"), faults: ["ineligible" as FaultName] };
}
