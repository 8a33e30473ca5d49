import { preloadSurveyLocales } from "./loadSurveyLocale.ts";

/**
 * Installs the service worker that keeps the app on the device, then hands it every asset this page loaded
 * (and the lazily loaded SurveyJS locales), so the next start works with no network at all.
 */
export async function registerOffline(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.register("/interviewer/sw.js", {
    scope: "/interviewer",
  });
  await navigator.serviceWorker.ready;
  if (navigator.onLine) await preloadSurveyLocales();
  const urls = new Set<string>([window.location.pathname]);
  for (const entry of performance.getEntriesByType("resource")) {
    const url = new URL(entry.name);
    if (url.origin === window.location.origin && url.pathname.startsWith("/assets/")) urls.add(url.pathname);
  }
  for (const element of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
    "script[src], link[href]",
  )) {
    const url = new URL("src" in element ? element.src : element.href, window.location.href);
    if (url.origin === window.location.origin) urls.add(url.pathname);
  }
  (registration.active ?? navigator.serviceWorker.controller)?.postMessage({
    type: "cache",
    urls: [...urls],
  });
}
