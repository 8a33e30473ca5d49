/**
 * How simulated respondents answer the demo study: a distribution per population and question, with
 * country overrides for LAC, tuned so that the shares reproduce `articleFindings.ts`. Where the article is
 * silent the figures are plausible guesses. Questions absent here are answered by the questionnaire's own
 * sampler (uniform over its choices), so any study can be simulated.
 */
export type Weights = Record<string, number>;

export interface QuestionModel {
  /** choice: one value by weight; multi: each value ticked with its probability; ranking: Plackett–Luce strengths. */
  kind: "choice" | "multi" | "ranking";
  weights: Weights;
  bySite?: Record<string, Weights>;
  /** multi with a "none" choice: the probability of ticking only "none". */
  none?: number;
}

export interface PopulationModel {
  age: { mean: number; sd: number; min: number; max: number };
  /** Share of web (the rest face to face) by site; absent: web only. */
  webShare?: Record<string, number>;
  /** Language weights by site (or "*" for every site). */
  languages: Record<string, Weights>;
  questions: Record<string, QuestionModel>;
}

const choice = (weights: Weights, bySite?: Record<string, Weights>): QuestionModel => ({
  kind: "choice",
  weights,
  bySite,
});
const multi = (weights: Weights, none?: number, bySite?: Record<string, Weights>): QuestionModel => ({
  kind: "multi",
  weights,
  none,
  bySite,
});

/** An agreement item: the share agreeing, how much of it is "fully", the share disagreeing, "don't know". */
function agreement(agree: number, disagree: number, dontKnow = 0.05, fully = 0.42): Weights {
  const neither = Math.max(0, 1 - agree - disagree - dontKnow);
  return {
    fully_agree: agree * fully,
    somewhat_agree: agree * (1 - fully),
    neither,
    somewhat_disagree: disagree * 0.55,
    fully_disagree: disagree * 0.45,
    dont_know: dontKnow,
  };
}

const lacCountries = ["ar", "br", "cl", "cu", "mx", "pa"];
const perSite = (values: number[], make: (value: number) => Weights): Record<string, Weights> =>
  Object.fromEntries(lacCountries.map((site, index) => [site, make(values[index])]));

export const answerModels: Record<string, PopulationModel> = {
  china: {
    age: { mean: 38, sd: 12, min: 18, max: 69 },
    languages: { "*": { "zh-cn": 0.98, en: 0.02 } },
    questions: {
      sex: choice({ male: 0.5, female: 0.5 }),
      traits: multi({
        passionate: 0.52,
        optimistic: 0.42,
        creative: 0.32,
        smart: 0.08,
        hardworking: 0.06,
        diligent: 0.08,
        persevering: 0.08,
        living_in_the_moment: 0.13,
        family_oriented: 0.11,
        serious: 0.02,
        punctual: 0.02,
        modest: 0.03,
      }),
      interest: choice({
        very_interested: 0.52,
        somewhat_interested: 0.45,
        not_very_interested: 0.025,
        not_interested: 0.005,
      }),
      topics: multi({
        history_civilizations: 0.53,
        literature_arts: 0.44,
        football: 0.4,
        music_dance: 0.35,
        film_tv: 0.2,
        cuisine: 0.3,
        tourism: 0.33,
        festivals_customs: 0.2,
        economy_trade: 0.18,
        politics_diplomacy: 0.12,
      }),
      prospects: choice({
        very_good_rapid: 0.04,
        good_stable: 0.4,
        steady_challenges: 0.52,
        stagnating: 0.025,
        declining: 0.005,
        dont_know: 0.01,
      }),
      opportunity: choice({ opportunity: 0.82, threat: 0.01, both: 0.1, neither: 0.03, dont_know: 0.04 }),
      commonalities: multi(
        {
          peace: 0.68,
          new_global_order: 0.5,
          green_development: 0.52,
          ancient_civilizations: 0.58,
          anti_colonial_history: 0.32,
          multilateralism: 0.28,
          global_south: 0.33,
        },
        0.03,
      ),
      relations_importance: choice({
        very_important: 0.87,
        somewhat_important: 0.11,
        not_very_important: 0.01,
        not_important: 0.005,
        dont_know: 0.005,
      }),
      relationship: choice({
        friendly: 0.66,
        normal: 0.28,
        competitor: 0.03,
        hostile: 0.005,
        dont_know: 0.025,
      }),
      obstacles: multi(
        {
          us_pressure: 0.5,
          geographic_distance: 0.42,
          cultural_differences: 0.3,
          little_understanding: 0.32,
          few_exchanges: 0.22,
          political_differences: 0.1,
          trade_frictions: 0.08,
          media_bias: 0.14,
        },
        0.04,
      ),
      future_relations: choice({ friendlier: 0.65, status_quo: 0.3, worse: 0.02, dont_know: 0.03 }),
      cooperation_benefit: choice({
        both: 0.8,
        mainly_china: 0.04,
        mainly_lac: 0.08,
        neither: 0.02,
        dont_know: 0.06,
      }),
      cooperation_priorities: multi({
        green_development: 0.52,
        trade_investment: 0.46,
        infrastructure: 0.38,
        high_tech: 0.28,
        education_culture: 0.15,
        agriculture: 0.1,
        energy_mining: 0.1,
        health: 0.05,
        tourism: 0.06,
        science_space: 0.05,
      }),
      troublemaker: choice(agreement(0.58, 0.15, 0.07)),
      brics_voice: choice(agreement(0.78, 0.06, 0.06)),
      rising_influence: choice(agreement(0.72, 0.08, 0.05)),
      backyard: choice({
        fully_agree: 0.19,
        somewhat_agree: 0.24,
        neither: 0.16,
        somewhat_disagree: 0.2,
        fully_disagree: 0.15,
        dont_know: 0.06,
      }),
      tariffs: choice({
        expand_trade: 0.24,
        disrupt_global_trade: 0.27,
        harm_china_lac_trade: 0.2,
        little_effect: 0.12,
        uncertain: 0.17,
      }),
      ranking_importance: {
        kind: "ranking",
        weights: { china: 7, united_states: 4, russia: 2, germany: 1.5, japan: 1.2, spain: 1.1, france: 1 },
      },
      education: choice({
        primary_or_less: 0.02,
        lower_secondary: 0.08,
        upper_secondary: 0.2,
        short_tertiary: 0.22,
        bachelor: 0.4,
        postgraduate: 0.08,
      }),
    },
  },
  lac: {
    age: { mean: 40, sd: 13, min: 18, max: 70 },
    webShare: { ar: 0.7, br: 0.7, cl: 0.7, cu: 0.25, mx: 0.65, pa: 0.6 },
    languages: {
      br: { pt: 0.98, en: 0.02 },
      "*": { es: 0.98, en: 0.02 },
    },
    questions: {
      sex: choice({ male: 0.49, female: 0.51 }),
      traits: multi({
        smart: 0.5,
        creative: 0.46,
        hardworking: 0.45,
        serious: 0.13,
        punctual: 0.11,
        family_oriented: 0.11,
        passionate: 0.09,
        diligent: 0.1,
        modest: 0.07,
        optimistic: 0.05,
        persevering: 0.05,
        living_in_the_moment: 0.02,
      }),
      interest: choice({
        very_interested: 0.5,
        somewhat_interested: 0.46,
        not_very_interested: 0.03,
        not_interested: 0.01,
      }),
      topics: multi({
        online_shopping: 0.48,
        smartphones: 0.46,
        ai: 0.4,
        great_wall: 0.37,
        electric_vehicles: 0.35,
        cuisine: 0.33,
        products: 0.31,
        tcm: 0.28,
        high_speed_rail: 0.26,
        social_media: 0.24,
        martial_arts: 0.18,
        history_civilizations: 0.2,
        literature_arts: 0.08,
        film_tv: 0.12,
        tourism: 0.15,
        festivals_customs: 0.12,
        economy_trade: 0.15,
        politics_diplomacy: 0.08,
      }),
      prospects: choice({
        very_good_rapid: 0.5,
        good_stable: 0.34,
        steady_challenges: 0.1,
        stagnating: 0.02,
        declining: 0.01,
        dont_know: 0.03,
      }),
      opportunity: choice({ opportunity: 0.85, threat: 0.02, both: 0.08, neither: 0.02, dont_know: 0.03 }),
      opportunity_reasons: multi({
        trade_partner: 0.7,
        export_market: 0.55,
        technology_partner: 0.5,
        investment_source: 0.5,
        development_model: 0.25,
      }),
      aid_benefits: choice({ many_benefits: 0.37, some_benefits: 0.42, few_or_none: 0.12, dont_know: 0.09 }),
      commonalities: multi(
        {
          peace: 0.62,
          new_global_order: 0.45,
          green_development: 0.5,
          ancient_civilizations: 0.2,
          anti_colonial_history: 0.3,
          multilateralism: 0.25,
          global_south: 0.35,
        },
        0.2,
      ),
      relations_importance: choice({
        very_important: 0.83,
        somewhat_important: 0.13,
        not_very_important: 0.02,
        not_important: 0.01,
        dont_know: 0.01,
      }),
      relationship: choice({ friendly: 0.73, normal: 0.2, competitor: 0.04, hostile: 0.01, dont_know: 0.02 }),
      obstacles: multi(
        {
          us_pressure: 0.44,
          geographic_distance: 0.35,
          cultural_differences: 0.25,
          little_understanding: 0.3,
          few_exchanges: 0.2,
          political_differences: 0.15,
          trade_frictions: 0.12,
          media_bias: 0.15,
        },
        0.05,
        perSite([0.45, 0.39, 0.41, 0.48, 0.57, 0.67], (value) => ({ us_pressure: value })),
      ),
      future_relations: choice({ friendlier: 0.62, status_quo: 0.31, worse: 0.03, dont_know: 0.04 }),
      cooperation_benefit: choice({
        both: 0.76,
        mainly_china: 0.12,
        mainly_lac: 0.03,
        neither: 0.02,
        dont_know: 0.07,
      }),
      cooperation_priorities: multi(
        {
          trade_investment: 0.6,
          high_tech: 0.5,
          infrastructure: 0.36,
          green_development: 0.34,
          education_culture: 0.16,
          agriculture: 0.1,
          energy_mining: 0.08,
          health: 0.08,
          tourism: 0.05,
          science_space: 0.05,
        },
        undefined,
        {
          ar: { trade_investment: 0.7 },
          br: { trade_investment: 0.7 },
          mx: { trade_investment: 0.7 },
          cl: { trade_investment: 0.55 },
          cu: { trade_investment: 0.5 },
          pa: {
            trade_investment: 0.4,
            education_culture: 0.7,
            high_tech: 0.3,
            infrastructure: 0.25,
            green_development: 0.25,
          },
        },
      ),
      troublemaker: choice(
        agreement(0.55, 0.2),
        perSite([0.63, 0.5, 0.49, 0.56, 0.63, 0.73], (value) => agreement(value, 0.85 - value)),
      ),
      brics_voice: choice(
        agreement(0.7, 0.1),
        perSite([0.58, 0.8, 0.74, 0.66, 0.74, 0.75], (value) => agreement(value, (0.95 - value) / 2)),
      ),
      rising_influence: choice(
        agreement(0.8, 0.06),
        perSite([0.83, 0.9, 0.83, 0.72, 0.72, 0.9], (value) => agreement(value, (0.97 - value) / 2, 0.03)),
      ),
      backyard: choice({
        fully_agree: 0.13,
        somewhat_agree: 0.22,
        neither: 0.18,
        somewhat_disagree: 0.22,
        fully_disagree: 0.18,
        dont_know: 0.07,
      }),
      tariffs: choice({
        expand_trade: 0.333,
        disrupt_global_trade: 0.2,
        harm_china_lac_trade: 0.07,
        little_effect: 0.064,
        uncertain: 0.333,
      }),
      ranking_importance: {
        kind: "ranking",
        weights: { china: 6, united_states: 4, russia: 2, germany: 1.6, japan: 1.3, spain: 1.1, france: 1 },
        bySite: { ar: { united_states: 6.5, china: 4.5 } },
      },
      education: choice({
        primary_or_less: 0.1,
        lower_secondary: 0.15,
        upper_secondary: 0.32,
        short_tertiary: 0.13,
        bachelor: 0.23,
        postgraduate: 0.07,
      }),
    },
  },
};
