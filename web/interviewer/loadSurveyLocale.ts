/**
 * SurveyJS's own strings (buttons, validation messages) per respondent language, loaded only when an interview
 * needs them: the first load carries none. All of them are fetched once online so the service worker holds them.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  es: () => import("survey-core/i18n/spanish"),
  pt: () => import("survey-core/i18n/portuguese"),
  "zh-cn": () => import("survey-core/i18n/simplified-chinese"),
};

export async function loadSurveyLocale(language: string): Promise<void> {
  await loaders[language]?.();
}

export async function preloadSurveyLocales(): Promise<void> {
  await Promise.all(Object.values(loaders).map((load) => load().catch(() => undefined)));
}
