import type { Page } from "playwright-core";

/** What to answer for a question, by name: a number or text to type, choice values to pick, or an order to rank. */
export type Plan = Record<string, string | number | string[]>;

/**
 * Answers a SurveyJS questionnaire through its rendered page as a person would: typing, clicking choices and
 * ranking with the keyboard, page by page, until it completes. Questions without a plan get their first choice
 * (or a short text), so the walk survives questions added to the demo study later.
 */
export async function answerSurvey(page: Page, plan: Plan, maxPages = 20): Promise<void> {
  for (let step = 0; step < maxPages; step++) {
    await page.waitForSelector(".sd-page");
    // Answers can reveal questions (visibleIf), so look again until nothing new appears on the page.
    const answered = new Set<string>();
    for (;;) {
      const names = await page.$$eval(".sd-page .sd-question[data-name]", (elements) =>
        elements.map((element) => element.getAttribute("data-name") as string),
      );
      const fresh = names.filter((name) => !answered.has(name));
      if (fresh.length === 0) break;
      for (const name of fresh) {
        answered.add(name);
        await answerQuestion(page, name, plan[name]);
      }
    }
    const complete = page.locator(".sd-navigation__complete-btn");
    if (await complete.isVisible()) {
      await complete.click();
      return;
    }
    await page.locator(".sd-navigation__next-btn").click();
  }
  throw new Error(`the questionnaire did not end within ${maxPages} pages`);
}

async function answerQuestion(page: Page, name: string, wanted: Plan[string] | undefined): Promise<void> {
  const question = page.locator(`.sd-question[data-name="${name}"]`);
  if (!(await question.isVisible())) return;
  const kind = await question.evaluate((element) => {
    if (element.classList.contains("sd-question--html")) return "html";
    if (element.querySelector(".sv-ranking")) return "ranking";
    if (element.querySelector("textarea")) return "textarea";
    if (element.querySelector("input[type=radio]")) return "radio";
    if (element.querySelector("input[type=checkbox]")) return "checkbox";
    if (element.querySelector("input")) return "input";
    return "other";
  });
  switch (kind) {
    case "textarea":
      await question.locator("textarea").fill(String(wanted ?? "ok"));
      await question.locator("textarea").blur();
      break;
    case "input":
      await question.locator("input").fill(String(wanted ?? "1"));
      await question.locator("input").blur();
      break;
    case "radio": {
      const value =
        typeof wanted === "string"
          ? wanted
          : await question.locator("input[type=radio]").first().getAttribute("value");
      await question.locator(`label:has(input[value="${value}"])`).click();
      break;
    }
    case "checkbox": {
      const values = Array.isArray(wanted)
        ? wanted
        : [(await question.locator("input[type=checkbox]").first().getAttribute("value")) as string];
      for (const value of values) await question.locator(`label:has(input[value="${value}"])`).click();
      break;
    }
    case "ranking":
      await rank(page, name, Array.isArray(wanted) ? wanted : undefined);
      break;
    default:
      break;
  }
}

/**
 * Ranks items with the keyboard, as a person without a mouse would: SurveyJS moves a focused item one place
 * with each arrow key. `order` lists the items' visible labels, top first; without one the shown order is
 * confirmed by moving the first item down and back.
 */
async function rank(page: Page, name: string, order: string[] | undefined): Promise<void> {
  const labels = page.locator(`.sd-question[data-name="${name}"] .sv-ranking-item__text`);
  const items = page.locator(`.sd-question[data-name="${name}"] .sv-ranking-item`);
  let moved = false;
  for (const [target, label] of (order ?? []).entries()) {
    const current = (await labels.allTextContents()).map((text) => text.trim()).indexOf(label);
    if (current < 0) throw new Error(`ranking ${name} has no item "${label}"`);
    await items.nth(current).focus();
    for (let moves = current; moves > target; moves--) {
      await page.keyboard.press("ArrowUp");
      moved = true;
    }
  }
  if (!moved) {
    // The shown order is the wanted one: a move down and back records it as the answer.
    await items.first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
  }
}
