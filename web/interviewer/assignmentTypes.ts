import type { QuotaCellState } from "../../src/store/quotaRepository.ts";
import type { LocalizedText, Population } from "../../src/study/types.ts";

/** One assignment as `GET /api/v1/interviewer/assignments` sends it and the device keeps it. */
export interface AssignmentInfo {
  id: string;
  study: { id: string; title: LocalizedText };
  /** The population, its sites narrowed to the assigned ones. */
  population: Population;
  sites: string[];
  quotaCells: QuotaCellState[];
  questionnaire: { version: string; json: Record<string, unknown> };
  updatedAt: string;
}

export interface AssignmentsReply {
  interviewer: { id: string; email: string; name: string };
  serverTime: string;
  assignments: AssignmentInfo[];
}
