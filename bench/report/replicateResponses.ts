import { createRandom, type Random } from "../../src/simulate/random.ts";
import type { FaultName, SimulatedResponse } from "../../src/simulate/types.ts";
import type { LoadedStudy } from "../../src/study/types.ts";

/**
 * Grows a simulated fieldwork to `copies` times its size without running the simulator on a million slots
 * (its exact mode re-screens everything, and it keeps every response in memory several times over).
 * Copy 0 is the base itself. Every further copy of a response gets a fresh id, device and token, its
 * interviewer renamed per copy (so interviewers keep realistic workloads), web start times shifted by up to
 * an hour, and — for clean responses — each answer swapped with probability `swap` for the answer of
 * a random donor of the same population and site (seeded hot-deck perturbation), so copies are neither
 * exact nor near duplicates of each other. Faulty responses keep their answers: their copies are duplicates
 * of a faulty response, which the screen excludes as it excludes the original.
 */
export function replicateResponses(
  study: LoadedStudy,
  base: SimulatedResponse[],
  truth: ReadonlyMap<string, FaultName[]>,
  copies: number,
  options: { seed: number; swap?: number; onCopy?: (copy: number) => void },
): SimulatedResponse[] {
  const random = createRandom(options.seed);
  const swap = options.swap ?? 0.5;
  const siteQuestion = new Map(
    study.definition.populations.map((population) => [population.id, population.siteQuestion]),
  );
  const donors = new Map<string, SimulatedResponse[]>();
  for (const response of base) {
    if (response.status !== "complete" || truth.has(response.id)) continue;
    const key = `${response.population}/${response.site}`;
    const group = donors.get(key);
    if (group) group.push(response);
    else donors.set(key, [response]);
  }
  const out: SimulatedResponse[] = base.slice();
  for (let copy = 1; copy < copies; copy++) {
    for (const response of base) {
      const clean = response.status === "complete" && !truth.has(response.id);
      const group = donors.get(`${response.population}/${response.site}`) ?? [];
      const answers = clean
        ? perturbAnswers(random, response.answers, group, swap, siteQuestion.get(response.population))
        : { ...response.answers };
      out.push({
        ...response,
        id: random.uuid(),
        interviewer: response.interviewer ? `${response.interviewer}~${copy}` : response.interviewer,
        answers,
        paradata: perturbParadata(random, response, copy),
      });
    }
    options.onCopy?.(copy);
  }
  return out;
}

function perturbAnswers(
  random: Random,
  answers: Record<string, unknown>,
  donors: SimulatedResponse[],
  swap: number,
  siteQuestion: string | undefined,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    copy[name] = value;
    if (name === siteQuestion || !random.chance(swap)) continue;
    const donated = donors[random.int(donors.length)]?.answers[name];
    if (donated !== undefined && donated !== null) copy[name] = donated;
  }
  return copy;
}

function perturbParadata(random: Random, response: SimulatedResponse, copy: number): Record<string, unknown> {
  const paradata: Record<string, unknown> = { ...response.paradata };
  const hex = () => random.uuid().replaceAll("-", "");
  paradata.deviceId =
    typeof paradata.deviceId === "string" && paradata.deviceId.startsWith("tablet-")
      ? `${paradata.deviceId}~${copy}`
      : hex().slice(0, 24);
  if (paradata.token !== undefined) paradata.token = hex();
  if (typeof paradata.interviewer === "string") paradata.interviewer = `${paradata.interviewer}~${copy}`;
  if (response.mode === "web") {
    const shift = random.int(3_600_000);
    for (const key of ["startedAt", "endedAt"]) {
      const time = Date.parse(String(paradata[key] ?? ""));
      if (!Number.isNaN(time)) paradata[key] = new Date(time + shift).toISOString();
    }
  }
  return paradata;
}
