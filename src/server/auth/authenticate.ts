import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { can, type Permission } from "../../access/roles.ts";
import { ParallaxError } from "../../errors.ts";
import { sessionRepository } from "../../store/sessionRepository.ts";
import type { User } from "../../store/userRepository.ts";
import { userRepository } from "../../store/userRepository.ts";
import type { ServerContext } from "../context.ts";

export const sessionCookie = "parallax_session";

declare module "fastify" {
  interface FastifyRequest {
    user?: User;
    csrfToken?: string;
    sessionToken?: string;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Finds the signed-in user from the session cookie, and refuses a state-changing request made with that
 * cookie unless it carries the session's CSRF token: a cookie alone is what a forged cross-site request has.
 */
export function authenticate(app: FastifyInstance, context: ServerContext): void {
  app.decorateRequest("user", undefined);
  app.decorateRequest("csrfToken", undefined);
  app.decorateRequest("sessionToken", undefined);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const session = await sessionRepository(context.store.db).find(token);
    if (!session) return;
    const user = await userRepository(context.store.db).find(session.userId);
    if (!user || user.disabled) return;
    request.user = user;
    request.csrfToken = session.csrfToken;
    request.sessionToken = token;
    if (unsafeMethods.has(request.method) && request.headers["x-csrf-token"] !== session.csrfToken) {
      throw new ParallaxError("CSRF_FAILED");
    }
  });
}

/** What a route demands: a permission, or only that someone is signed in. */
export type Guard = Permission | "signed-in";

type GuardHandler = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { guard: Guard };

/**
 * A route guard: 401 when nobody is signed in, 403 when the role lacks the permission. The handler carries
 * its guard, so the server can list every route with what it demands (and a test can check them all).
 */
export function requirePermission(permission: Guard): GuardHandler {
  const handler = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!request.user) throw new ParallaxError("UNAUTHENTICATED");
    if (permission !== "signed-in" && !can(request.user.role, permission))
      throw new ParallaxError("FORBIDDEN");
  };
  return Object.assign(handler, { guard: permission });
}

/** The guard of a route's preHandler(s), if it has one. */
export function guardOf(preHandler: unknown): Guard | undefined {
  const handlers = Array.isArray(preHandler) ? preHandler : [preHandler];
  return handlers.find(
    (handler): handler is GuardHandler => typeof handler === "function" && "guard" in handler,
  )?.guard;
}

/** The signed-in user, for handlers behind `requirePermission`. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new ParallaxError("UNAUTHENTICATED");
  return request.user;
}
