import type { Kysely } from "kysely";
import { ParallaxError } from "../errors.ts";
import { type Invitation, invitationRepository } from "../store/invitationRepository.ts";
import type { Database } from "../store/schema.ts";

/**
 * The invitation a token opens, checked for this study and population and for single use: a token already
 * bound to another response is refused, so one invitation yields at most one response.
 */
export async function resolveInvitation(
  db: Kysely<Database>,
  token: string | undefined,
  place: { studyId: string; populationId: string; responseId: string },
): Promise<Invitation | undefined> {
  if (token === undefined) return undefined;
  const invitation = await invitationRepository(db).findByToken(token);
  if (!invitation || invitation.studyId !== place.studyId || invitation.populationId !== place.populationId) {
    throw new ParallaxError("INVITATION_INVALID", undefined, [
      { path: "token", message: "no such invitation for this questionnaire" },
    ]);
  }
  if (!(await invitationRepository(db).bind(invitation.id, place.responseId))) {
    throw new ParallaxError("INVITATION_USED", undefined, [
      { path: "token", message: "already used for another response" },
    ]);
  }
  return invitation;
}
