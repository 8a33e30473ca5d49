import type { Page } from "playwright-core";

/** What a reader would see as broken on a rendered page. */
export interface PageDefects {
  /** Elements whose text spills out of their box (or is clipped), outside scrolling containers. */
  overflowing: string[];
  /** Whether the page itself scrolls sideways. */
  pageScrollsSideways: boolean;
  /** Characters drawn as the font's "missing glyph" box: no installed font has them. */
  missingGlyphs: string[];
  /** Charts with no visible data mark (bar, rule, point: not axes or legends). */
  emptyCharts: string[];
}

/**
 * Inspects the page as rendered: text overflow, characters without a glyph, charts without marks. A glyph is
 * missing when the character renders pixel for pixel like an unassigned code point (U+0378), which every font
 * draws as its .notdef box; the comparison uses the page's own font stack, fallbacks included.
 */
export async function findPageDefects(
  page: Page,
  charts: { chart: string; marks: string },
  extraText = "",
): Promise<PageDefects> {
  return page.evaluate(
    ({ charts, extraText }) => {
      const describe = (element: Element) => {
        const id = element.id ? `#${element.id}` : "";
        const classes = element.classList.length ? `.${[...element.classList].join(".")}` : "";
        return `${element.tagName.toLowerCase()}${id}${classes} "${(element.textContent ?? "").trim().slice(0, 60)}"`;
      };
      const scrolls = (element: Element) => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (/(auto|scroll)/.test(style.overflowX)) return true;
        }
        return false;
      };
      const overflowing: string[] = [];
      for (const element of document.body.querySelectorAll("*")) {
        if (!(element instanceof HTMLElement) || element.closest("svg")) continue;
        const style = getComputedStyle(element);
        if (style.display === "inline" || style.display === "none" || element.clientWidth === 0) continue;
        if (element.scrollWidth > element.clientWidth + 1 && !scrolls(element))
          overflowing.push(describe(element));
      }
      const pageScrollsSideways = document.documentElement.scrollWidth > window.innerWidth + 1;

      const font = getComputedStyle(document.body).fontFamily;
      const canvas = document.createElement("canvas");
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) throw new Error("no 2d canvas");
      const draw = (text: string) => {
        context.clearRect(0, 0, 48, 48);
        context.font = `32px ${font}`;
        context.fillStyle = "#000";
        context.fillText(text, 4, 36);
        return context.getImageData(0, 0, 48, 48).data;
      };
      const notdef = draw("\u0378");
      const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) =>
        a.every((value, index) => value === b[index]);
      const characters = new Set([...(document.body.textContent + extraText)]);
      const missingGlyphs = [...characters].filter(
        (character) => !/[\p{Z}\p{Cc}\p{Cf}\s]/u.test(character) && same(draw(character), notdef),
      );

      const emptyCharts: string[] = [];
      document.querySelectorAll(charts.chart).forEach((chart, index) => {
        const marks = [...chart.querySelectorAll(charts.marks)].filter((mark) => {
          const box = (mark as SVGGraphicsElement).getBBox?.();
          return box && (box.width > 0 || box.height > 0);
        });
        const box = chart.getBoundingClientRect();
        if (marks.length === 0 || box.width === 0 || box.height === 0)
          emptyCharts.push(`${charts.chart}[${index}] ${describe(chart.parentElement ?? chart)}`);
      });
      return { overflowing, pageScrollsSideways, missingGlyphs, emptyCharts };
    },
    { charts, extraText },
  );
}
