import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, headless. The flags keep it from reaching for Google's services, which this machine's
 * closed network refuses, and from needing a sandbox when run as root in CI.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
