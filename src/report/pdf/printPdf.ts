import { chromium } from "playwright-core";
import { ParallaxError } from "../../errors.ts";

/** Flags that keep headless Chromium off the network services this machine cannot reach, and sandbox-free as root. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Prints the HTML report to an A4 PDF with headless Chromium (CJK text in Noto CJK), page numbers in the
 * footer and the document's headings as bookmarks. The page is loaded from a string: no request leaves it.
 */
export async function printPdf(html: string, options: { pageLabel: string }): Promise<Buffer> {
  const executablePath = process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium";
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  } catch (error) {
    throw new ParallaxError("FILE_UNREADABLE", "Cannot start Chromium to print the PDF", [
      { path: executablePath, message: (error as Error).message.split("\n")[0] },
    ]);
  }
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const footer = `<div style="width:100%;font-size:8pt;color:#666;text-align:center;font-family:'Noto Sans CJK SC',sans-serif">${options.pageLabel} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
    return await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
      outline: true,
      tagged: true,
    });
  } finally {
    await browser.close();
  }
}
