import type { FastifyInstance } from "fastify";
import { dataKeyFromEnvironment, dataKeyVariable, personalDataCipher } from "../access/personalDataCipher.ts";
import { ParallaxError } from "../errors.ts";
import { defineQuotas } from "../fieldwork/defineQuotas.ts";
import { StudyCatalogue } from "../fieldwork/studyCatalogue.ts";
import { openDatabase, type Store } from "../store/openDatabase.ts";
import { holdsPersonalData, personalDataRepository } from "../store/personalDataRepository.ts";
import { questionnaireRepository } from "../store/questionnaireRepository.ts";
import { studyRepository } from "../store/studyRepository.ts";
import type { LoadedStudy } from "../study/types.ts";
import { compileQuestionnaire, evaluateExpression } from "../study/validation/index.ts";
import { buildServer, type ServerOptions } from "./buildServer.ts";

/** A database holding personal data needs its key before the server accepts anything: say so at start. */
async function checkPersonalDataKey(store: Store): Promise<void> {
  if (!(await holdsPersonalData(store.db))) return;
  const key = dataKeyFromEnvironment();
  if (!key) {
    throw new ParallaxError(
      "USAGE",
      `This database holds personal data: set ${dataKeyVariable} to its encryption key`,
      [{ path: dataKeyVariable, message: "not set" }],
    );
  }
  await personalDataRepository(store.db, personalDataCipher(key)).checkKey();
}

function sealerFor(store: Store) {
  const key = dataKeyFromEnvironment();
  if (!key) return undefined;
  const personal = personalDataRepository(store.db, personalDataCipher(key));
  return (studyId: string, record: Record<string, unknown>) => personal.store(studyId, record);
}

export interface ParallaxInstance {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store, records the studies in it and builds the server: what `parallax serve` and the tests share. */
export async function openParallax(
  options: {
    db: string;
    studies: LoadedStudy[];
    webRoot: string;
    openFieldwork?: boolean;
    now?: () => Date;
  } & ServerOptions,
): Promise<ParallaxInstance> {
  const store = await openDatabase(options.db);
  try {
    await checkPersonalDataKey(store);
    for (const study of options.studies) {
      await studyRepository(store.db).save(study);
      await defineQuotas(store.db, study);
    }
    const catalogue = new StudyCatalogue(options.studies, {
      compile: compileQuestionnaire,
      findVersion: questionnaireRepository(store.db).find,
    });
    const app = await buildServer(
      {
        store,
        catalogue,
        db: store.db,
        evaluate: evaluateExpression,
        now: options.now ?? (() => new Date()),
        openFieldwork: options.openFieldwork ?? false,
        sealPersonalData: sealerFor(store),
        webRoot: options.webRoot,
      },
      options,
    );
    return {
      app,
      store,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
