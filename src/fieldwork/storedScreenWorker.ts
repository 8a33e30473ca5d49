import type { QualityConfig } from "../quality/qualityConfig.ts";
import { runScreen } from "../quality/screenResponses.ts";
import type { FlagVerdict } from "../quality/types.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { responseRepository } from "../store/responseRepository.ts";
import type { LoadedStudy } from "../study/types.ts";
import { toScreenedResponse } from "./screenStoredStudy.ts";

export interface StoredScreenInput {
  /** The store's URL or SQLite path, opened again by the thread: connections are not shared between threads. */
  dbUrl: string;
  study: LoadedStudy;
  quality: QualityConfig;
  populations: string[];
}

export interface StoredScreenOutput {
  /** The flags' verdicts only: their reasons in four languages would cost seconds to pass between threads. */
  flags: FlagVerdict[];
  /** The responses screened, id and status, in parallel arrays: what the screen judged. */
  ids: string[];
  statuses: string[];
}

/** What the second thread runs (see screenInWorker): reads some populations' responses itself and screens them. */
export async function screenStoredPopulations(input: StoredScreenInput): Promise<StoredScreenOutput> {
  const store = await openDatabase(input.dbUrl);
  try {
    const responses = await responseRepository(store.db).listMapped(
      input.study.definition.id,
      toScreenedResponse,
      { populations: input.populations },
    );
    const { flags } = runScreen(input.study, responses, input.quality);
    return {
      flags: flags.map(({ id, rule, severity }) => ({ id, rule, severity })),
      ids: responses.map((response) => response.id),
      statuses: responses.map((response) => response.status ?? ""),
    };
  } finally {
    await store.close();
  }
}
