import type { FieldworkWindow } from "../study/types.ts";
import type { Random } from "./random.ts";

/** Standard UTC offsets (hours) of the demo's countries in April–June 2025; others are taken as UTC. */
const utcOffsets: Record<string, number> = { CN: 8, AR: -3, BR: -3, CL: -4, CU: -4, MX: -6, PA: -5 };

export function utcOffset(country: string): number {
  return utcOffsets[country] ?? 0;
}

export function fieldworkDays(window: FieldworkWindow): string[] {
  const days: string[] = [];
  const end = Date.parse(`${window.end}T00:00:00Z`);
  for (let day = Date.parse(`${window.start}T00:00:00Z`); day <= end; day += 86_400_000)
    days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}

/** An instant on a fieldwork day at a local clock time (hours, fractional) in a country. */
export function localTime(day: string, hours: number, country: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hours - utcOffset(country)) * 3_600_000);
}

/** Hour weights of web responses: few at night, most in the evening. */
const webHourWeights = [
  0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 1, 1, 1, 1.1, 1, 0.9, 0.9, 1, 1.1, 1.3, 1.6, 1.8, 1.7, 1.2,
  0.6,
];

export function webStart(random: Random, window: FieldworkWindow, country: string): Date {
  const day = random.pick(fieldworkDays(window));
  return localTime(day, random.weightedIndex(webHourWeights) + random.next(), country);
}

export interface InterviewSlot {
  startedAt: Date;
}

/**
 * Start times of one interviewer's interviews: working days drawn from the window, a morning start, then
 * each interview followed by a gap (travel, finding the next household). `gapMinutes` is the median gap.
 */
export function interviewerSchedule(
  random: Random,
  window: FieldworkWindow,
  country: string,
  count: number,
  perDay: [number, number],
  gapMinutes: number,
  durationMinutes: number,
): Date[] {
  const days = fieldworkDays(window);
  const unused: string[] = [];
  const starts: Date[] = [];
  while (starts.length < count) {
    // One session per day: two sessions on one day would overlap.
    if (unused.length === 0) unused.push(...days);
    const day = unused.splice(random.int(unused.length), 1)[0];
    let clock = 9 + 2 * random.next();
    const today = Math.min(count - starts.length, perDay[0] + random.int(perDay[1] - perDay[0] + 1));
    for (let index = 0; index < today; index++) {
      starts.push(localTime(day, clock, country));
      clock += (durationMinutes + random.logNormal(gapMinutes, 0.5)) / 60;
    }
  }
  return starts.sort((a, b) => a.getTime() - b.getTime());
}
