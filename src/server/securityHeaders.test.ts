import { describe, expect, it } from "vitest";
import { securityHeaders } from "./securityHeaders.ts";

describe("securityHeaders", () => {
  const headers = new Map(securityHeaders().map(([name, value]) => [name.toLowerCase(), value]));

  it("carries our content security policy", () => {
    const policy = headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("img-src 'self' data:");
  });

  it("carries helmet's other headers", () => {
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(headers.size).toBeGreaterThanOrEqual(12);
  });
});
