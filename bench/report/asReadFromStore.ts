import type { ScreenedResponse } from "../../src/quality/types.ts";

/**
 * The responses as `parallax report` receives them from the store: answers and paradata parsed from their
 * JSON text (responseRepository's fromRow), not the objects the simulator built. Parsed objects have other
 * shapes in V8 than built ones, and the report reads every answer: timing the built ones measures objects the
 * command never sees (they read more slowly, see the closing note of issue 8).
 */
export function asReadFromStore(responses: readonly ScreenedResponse[]): ScreenedResponse[] {
  return responses.map((response) => ({
    ...response,
    answers: JSON.parse(JSON.stringify(response.answers)) as ScreenedResponse["answers"],
    paradata: JSON.parse(JSON.stringify(response.paradata)) as ScreenedResponse["paradata"],
  }));
}
