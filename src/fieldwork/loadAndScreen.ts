import type { QualityConfig } from "../quality/qualityConfig.ts";
import { runScreen } from "../quality/screenResponses.ts";
import type { FlagVerdict, ScreenedResponse } from "../quality/types.ts";
import type { Store } from "../store/openDatabase.ts";
import { responseRepository, type StoredResponse } from "../store/responseRepository.ts";
import type { LoadedStudy } from "../study/types.ts";
import { screenInWorker } from "./screenInWorker.ts";
import { toScreenedResponse } from "./screenStoredStudy.ts";
import { secondThreadPopulations } from "./secondThreadPopulations.ts";
import type { StoredScreenOutput } from "./storedScreenWorker.ts";

export interface LoadAndScreenOptions {
  /** The URL (or SQLite path) `store` was opened with: the second thread opens its own connection. */
  dbUrl: string;
  study: LoadedStudy;
  quality: QualityConfig;
  /** Called with the number of responses this thread has read, a page at a time. */
  onRead?: (count: number) => void;
  /** Called when every response is read and the screening begins. */
  onScreening?: () => void;
  /** Stored responses per population (countByPopulation), when the caller has counted them. */
  storedByPopulation?: ReadonlyMap<string, number>;
  /** Fewest stored responses for which a second thread screens (below, its start costs more than it saves). */
  minimumForSecondThread?: number;
}

/**
 * Every stored response of the study and the verdicts of their screen, for the report, using both cores of a
 * machine: while this thread reads all responses, a second thread reads the largest populations' again and
 * screens them (see secondThreadPopulations); this thread then screens the rest. The screen judges a response
 * only against its own population, so the verdicts are those of one screen of all
 * (test/screen-in-parallel.test.ts). The responses the second thread screens keep, of their paradata, only
 * `simulated`, which is all the report reads after the screen: the rest would fill this thread's heap.
 */
export async function loadAndScreen(
  store: Store,
  {
    dbUrl,
    study,
    quality,
    onRead,
    onScreening = () => {},
    storedByPopulation,
    minimumForSecondThread = 20_000,
  }: LoadAndScreenOptions,
): Promise<{ responses: ScreenedResponse[]; flags: FlagVerdict[] }> {
  const repository = responseRepository(store.db);
  const elsewhere = new Set(
    secondThreadPopulations(
      storedByPopulation ?? (await repository.countByPopulation(study.definition.id)),
      minimumForSecondThread,
    ),
  );
  if (elsewhere.size === 0) {
    const responses = await repository.listMapped(study.definition.id, toScreenedResponse, { onRead });
    onScreening();
    return { responses, flags: runScreen(study, responses, quality).flags };
  }
  const second = screenInWorker({ dbUrl, study, quality, populations: [...elsewhere] });
  try {
    const read = await repository.listMapped(
      study.definition.id,
      (response) =>
        elsewhere.has(response.populationId) ? toReported(response) : toScreenedResponse(response),
      { onRead },
    );
    onScreening();
    const here = runScreen(
      study,
      read.filter((response) => !elsewhere.has(response.population)),
      quality,
    ).flags;
    const there = await second.result;
    return { responses: asScreened(read, elsewhere, there), flags: [...here, ...there.flags] };
  } finally {
    await second.stop();
  }
}

/** A response as the report reads it once screened: paradata reduced to `simulated`. */
function toReported(response: StoredResponse): ScreenedResponse {
  const screened = toScreenedResponse(response);
  screened.paradata = response.paradata.simulated === true ? { simulated: true } : {};
  return screened;
}

/**
 * The responses read, less those of the second thread's populations that it did not screen as they are here:
 * the two threads read in transactions of their own, and a response that arrived (or was completed) between the
 * two reads would otherwise count as valid unscreened. The report covers the responses stored when it began.
 */
export function asScreened(
  read: ScreenedResponse[],
  screenedElsewhere: ReadonlySet<string>,
  there: StoredScreenOutput,
): ScreenedResponse[] {
  // Mostly both threads read the same rows in the same order: that is checked in one pass, without a map.
  let position = 0;
  for (const response of read) {
    if (!screenedElsewhere.has(response.population)) continue;
    if (there.ids[position] !== response.id || there.statuses[position] !== (response.status ?? "")) break;
    position++;
  }
  if (position === there.ids.length && position === countOf(read, screenedElsewhere)) return read;
  const statusThere = new Map<string, string>();
  for (let index = 0; index < there.ids.length; index++)
    statusThere.set(there.ids[index], there.statuses[index]);
  return read.filter(
    (response) =>
      !screenedElsewhere.has(response.population) || statusThere.get(response.id) === (response.status ?? ""),
  );
}

function countOf(read: readonly ScreenedResponse[], populations: ReadonlySet<string>): number {
  let count = 0;
  for (const response of read) if (populations.has(response.population)) count++;
  return count;
}
