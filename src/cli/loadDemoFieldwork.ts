import { loadSimulatedFieldwork } from "../fieldwork/loadSimulatedFieldwork.ts";
import { screenStoredStudy } from "../fieldwork/screenStoredStudy.ts";
import { readQualityConfig } from "../files/readQualityConfig.ts";
import { defaultFaultShares, simulateFieldwork } from "../simulate/simulateFieldwork.ts";
import { openDatabase } from "../store/openDatabase.ts";
import { responseRepository } from "../store/responseRepository.ts";
import type { LoadedStudy } from "../study/types.ts";

/**
 * Fills an empty study with simulated fieldwork (seed 1, the article's sample sizes), so the dashboard and the
 * report show data on first start, screened. Every response is marked simulated; a study with any response is left alone.
 */
export async function loadDemoFieldwork(
  db: string,
  study: LoadedStudy,
  log: (line: string) => void,
): Promise<void> {
  const store = await openDatabase(db);
  try {
    if ((await responseRepository(store.db).countBySite(study.definition.id)).length > 0) return;
    const quality = await readQualityConfig(study.directory);
    log(`Simulating fieldwork for ${study.definition.id} (first start only)…`);
    // The same fieldwork as `parallax simulate --seed 1` with its defaults.
    const simulation = simulateFieldwork(study, {
      seed: 1,
      quality,
      faults: defaultFaultShares,
      fabricatingInterviewers: 2,
      exact: true,
    });
    const loaded = await loadSimulatedFieldwork(store.db, study, simulation);
    log(`Loaded ${loaded} SIMULATED responses (not real fieldwork) into ${store.location}`);
    // Screened at once, so the dashboard's flags and valid counts are there on first start.
    const screen = await screenStoredStudy(store.db, study, quality);
    log(`Screened them: ${screen.result.flags.length} flags, ${screen.valid.length} valid responses`);
  } finally {
    await store.close();
  }
}
