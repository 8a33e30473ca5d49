import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/access/passwords.ts";
import { type Permission, permissions, type Role, roles } from "../src/access/roles.ts";
import { verifyAuditChain } from "../src/audit/auditChain.ts";
import type { ParallaxInstance } from "../src/server/openParallax.ts";
import { auditRepository } from "../src/store/auditRepository.ts";
import { userRepository } from "../src/store/userRepository.ts";
import { dialects } from "./support/stores.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const password = "correct horse battery staple";

/**
 * The routes anyone may call: respondents, invitees and the sign-in itself. Every other route must carry a
 * guard, and the matrix below checks each one for every role and for nobody signed in.
 */
const publicRoutes = new Set([
  "GET /",
  "GET /s/:study/:population/:language",
  "GET /assets/*",
  "GET /api/v1/studies",
  "GET /api/v1/studies/:study",
  "GET /api/v1/studies/:study/populations/:population/questionnaire",
  "POST /api/v1/studies/:study/populations/:population/responses",
  "POST /api/v1/studies/:study/populations/:population/quota-check",
  "PUT /api/v1/studies/:study/populations/:population/responses/:id/progress",
  "GET /api/v1/studies/:study/populations/:population/responses/:id/progress",
  "GET /api/v1/studies/:study/populations/:population/invitations/:token",
  "POST /api/v1/auth/login",
  // The interviewer app's shell: it holds no data; the data comes from guarded routes after sign-in.
  "GET /interviewer",
  "GET /interviewer/",
  "GET /interviewer/:file",
  // The admin app's shell, likewise: every figure it shows comes from a guarded route.
  "GET /admin",
  "GET /admin/",
]);

/** A concrete address for a route pattern: the fixture study, a fresh UUID for ids, a placeholder elsewhere. */
function concrete(url: string): string {
  return url
    .replace(":study", "mini")
    .replace(":population", "adults")
    .replace(/:(id|response)\b/g, () => randomUUID())
    .replace(/:\w+/g, "x")
    .replace("*", "x");
}

interface Signed {
  cookie: string;
  csrf: string;
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`people and roles on ${dialect}`, () => {
    let server: TestServer;
    let parallax: ParallaxInstance;
    let origin: string;

    beforeAll(async () => {
      server = await startTestServer(dialect, "test/fixtures/studies/mini");
      parallax = server.parallax;
      origin = server.origin;
      const passwordHash = await hashPassword(password);
      for (const role of roles) {
        await userRepository(parallax.store.db).add(
          { id: randomUUID(), email: `${role}@example.org`, name: role, role },
          passwordHash,
        );
      }
    });
    afterAll(async () => server.close());

    async function signIn(email: string, secret = password): Promise<Response> {
      return fetch(`${origin}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: secret }),
      });
    }

    const sessions = new Map<Role, Signed>();
    async function session(role: Role): Promise<Signed> {
      const known = sessions.get(role);
      if (known) return known;
      const signed = await openSession(role);
      sessions.set(role, signed);
      return signed;
    }

    async function openSession(role: Role): Promise<Signed> {
      const reply = await signIn(`${role}@example.org`);
      expect(reply.status).toBe(200);
      const cookie = (reply.headers.get("set-cookie") ?? "").split(";")[0];
      const { csrfToken } = (await reply.json()) as { csrfToken: string };
      return { cookie, csrf: csrfToken };
    }

    it("sets an HttpOnly, SameSite=Strict session cookie and refuses a wrong password", async () => {
      const reply = await signIn("analyst@example.org");
      const setCookie = reply.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const wrong = await signIn("analyst@example.org", "not the password");
      expect(wrong.status).toBe(401);
      const unknown = await signIn("nobody@example.org");
      expect(unknown.status).toBe(401);
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("LOGIN_FAILED");
    });

    it("guards every route that is not public", () => {
      const unguarded = parallax.app.routeCatalogue
        .filter((route) => route.guard === undefined)
        .map((route) => `${route.method} ${route.url}`)
        .filter((route) => !publicRoutes.has(route));
      expect(unguarded).toEqual([]);
    });

    it("answers every guarded route by role: 401 for nobody, 403 for a role without the permission", async () => {
      const guarded = parallax.app.routeCatalogue.filter((route) => route.guard !== undefined);
      expect(guarded.length).toBeGreaterThan(8);
      // Logging out ends the session the other routes need, so it goes last.
      guarded.sort((a, b) => Number(a.url.endsWith("/logout")) - Number(b.url.endsWith("/logout")));
      const mismatches: string[] = [];
      for (const route of guarded) {
        const url = `${origin}${concrete(route.url)}`;
        const body = route.method === "GET" ? undefined : "{}";
        const anonymous = await fetch(url, {
          method: route.method,
          body,
          headers: body ? { "content-type": "application/json" } : {},
        });
        if (anonymous.status !== 401)
          mismatches.push(`${route.method} ${route.url} nobody → ${anonymous.status}`);
        for (const role of roles) {
          const signed = await session(role);
          const headers: Record<string, string> = { cookie: signed.cookie, "x-csrf-token": signed.csrf };
          if (body) headers["content-type"] = "application/json";
          const reply = await fetch(url, { method: route.method, headers, body });
          const allowed =
            route.guard === "signed-in" ||
            (permissions[route.guard as Permission] as readonly Role[]).includes(role);
          const fine = allowed
            ? ![401, 403].includes(reply.status) && reply.status < 500
            : reply.status === 403;
          if (!fine)
            mismatches.push(
              `${route.method} ${route.url} ${role} (${allowed ? "allowed" : "denied"}) → ${reply.status}`,
            );
          if (route.url.endsWith("/logout")) sessions.delete(role);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it("refuses a state-changing request that carries the cookie but not the CSRF token", async () => {
      const signed = await session("admin");
      const forged = await fetch(`${origin}/api/v1/auth/logout`, {
        method: "POST",
        headers: { cookie: signed.cookie },
      });
      expect(forged.status).toBe(403);
      expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("CSRF_FAILED");
      const me = await fetch(`${origin}/api/v1/auth/me`, { headers: { cookie: signed.cookie } });
      expect(me.status).toBe(200);
    });

    it("slows password guessing per account: the eleventh try in a minute gets 429, another account does not", async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt++)
        statuses.push((await signIn("stranger@example.org", "guess")).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
      expect((await signIn("analyst@example.org", "guess")).status).toBe(401);
    });

    it("ends a disabled user's sessions at once", async () => {
      const signed = await session("interviewer");
      const user = await userRepository(parallax.store.db).findByEmail("interviewer@example.org");
      await userRepository(parallax.store.db).setDisabled(user?.id as string, true);
      expect((await fetch(`${origin}/api/v1/auth/me`, { headers: { cookie: signed.cookie } })).status).toBe(
        401,
      );
      expect((await signIn("interviewer@example.org")).status).toBe(401);
    });

    it("audits logins, failed logins and exports in an intact hash chain", async () => {
      const entries = await auditRepository(parallax.store).list();
      const actions = new Set(entries.map((entry) => entry.action));
      expect([...actions]).toEqual(expect.arrayContaining(["login", "login_failed", "logout", "export"]));
      expect(entries.find((entry) => entry.action === "login")?.source).toBe("127.0.0.1");
      expect(verifyAuditChain(entries)).toEqual([]);
    });
  });
}
