import type { FastifyInstance } from "fastify";
import { verifyPassword } from "../../access/passwords.ts";
import { ParallaxError } from "../../errors.ts";
import { auditRepository } from "../../store/auditRepository.ts";
import { sessionRepository } from "../../store/sessionRepository.ts";
import { userRepository } from "../../store/userRepository.ts";
import { currentUser, requirePermission, sessionCookie } from "../auth/authenticate.ts";
import type { ServerContext } from "../context.ts";

const sessionLifetimeMs = 12 * 60 * 60 * 1000;
/** Verifying against a throwaway hash when the email is unknown keeps the reply time the same either way. */
const decoyHash =
  "$argon2id$v=19$m=19456,t=2,p=1$dR2WWSzUFmJX1M9dEX5N2A$KniQ4VxmkuVbrKWTVlQHyWKEps7zXaK95+Cmm9nyXIY";

interface LoginBody {
  email?: unknown;
  password?: unknown;
}

export async function authRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const audit = auditRepository(context.store);

  app.post<{ Body: LoginBody }>(
    "/api/v1/auth/login",
    {
      config: {
        // Per address and account: slows password guessing without letting one office lock out another.
        rateLimit: {
          max: 10,
          timeWindow: "1 minute",
          // The key needs the parsed body, which exists from preHandler on.
          hook: "preHandler",
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as LoginBody | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body ?? {};
      if (typeof email !== "string" || typeof password !== "string") {
        throw new ParallaxError("BAD_REQUEST", "Give an email and a password", [
          { path: typeof email === "string" ? "password" : "email", message: "must be a string" },
        ]);
      }
      const user = await userRepository(context.store.db).findByEmail(email);
      const valid = await verifyPassword(user?.passwordHash ?? decoyHash, password);
      if (!user || !valid || user.disabled) {
        await audit.append({
          actor: email.slice(0, 200),
          action: "login_failed",
          target: "session",
          details: {},
          source: request.ip,
        });
        throw new ParallaxError("LOGIN_FAILED");
      }
      const { token, session } = await sessionRepository(context.store.db).open(user.id, sessionLifetimeMs);
      await audit.append({
        actor: user.email,
        action: "login",
        target: "session",
        details: {},
        source: request.ip,
      });
      void reply.setCookie(sessionCookie, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: request.protocol === "https",
        path: "/",
        expires: new Date(session.expiresAt),
      });
      return { user: { email: user.email, name: user.name, role: user.role }, csrfToken: session.csrfToken };
    },
  );

  app.post("/api/v1/auth/logout", { preHandler: requirePermission("signed-in") }, async (request, reply) => {
    const user = currentUser(request);
    if (request.sessionToken) await sessionRepository(context.store.db).close(request.sessionToken);
    await audit.append({
      actor: user.email,
      action: "logout",
      target: "session",
      details: {},
      source: request.ip,
    });
    void reply.clearCookie(sessionCookie, { path: "/" });
    return { ok: true };
  });

  app.get("/api/v1/auth/me", { preHandler: requirePermission("signed-in") }, async (request) => {
    const user = currentUser(request);
    return { user: { email: user.email, name: user.name, role: user.role }, csrfToken: request.csrfToken };
  });
}
