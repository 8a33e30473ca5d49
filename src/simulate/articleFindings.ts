/**
 * The findings the article reports ("Hand in Hand: China–LAC Mutual Perception Survey", Global Times, 2025;
 * /work/shared/seed/mutual-perception-survey.txt), one entry per number, with the sentence it comes from.
 * The simulator's answer model is tuned to reproduce them and the tests check that it does.
 *
 * A share is measured among the valid responses that answered the question (for `topics`, among those
 * shown it); `values` lists the choice values that count. For a checkbox question a respondent counts when
 * any of `values` is ticked.
 */
export type FindingComparison = "about" | "over" | "atLeast";

export interface ShareFinding {
  kind: "share";
  population: "china" | "lac";
  /** A site (LAC country) when the article gives the figure for one country. */
  site?: string;
  question: string;
  values: string[];
  share: number;
  comparison: FindingComparison;
  sentence: string;
}

/** The item ranked first most often, in a population or one of its sites. */
export interface RankFinding {
  kind: "rankedFirst";
  population: "china" | "lac";
  site?: string;
  question: string;
  item: string;
  /** False where the article says the item was NOT first (Argentina). */
  first: boolean;
  sentence: string;
}

export type Finding = ShareFinding | RankFinding;

const agree = ["fully_agree", "somewhat_agree"];
const disagree = ["somewhat_disagree", "fully_disagree"];
const interested = ["very_interested", "somewhat_interested"];
const friendlyOrNormal = ["friendly", "normal"];
const recognizesCommonality = [
  "peace",
  "new_global_order",
  "green_development",
  "ancient_civilizations",
  "anti_colonial_history",
  "multilateralism",
  "global_south",
];

const s = {
  passionate:
    'In the "Chinese perspectives on the LAC" survey, 55 percent of respondents described people in the LAC region as "passionate," followed by "optimistic" and "creative"',
  interest:
    "Despite the geographical distance, 97 percent of Chinese and 96 percent of LAC respondents expressed strong interest in each other's affairs.",
  topics:
    'Chinese respondents were most drawn to LAC\'s "history and ancient civilizations" (53 percent) and "literature and arts" (44 percent).',
  prospectsChina:
    'Regarding LAC\'s development prospects, 40 percent of Chinese respondents believe it has "a good outlook with stable economic growth," and more than half affirm it is "developing steadily, facing challenges but with potential."',
  prospectsLac:
    'For China\'s development prospects, 50 percent of Latin American respondents think it has "a very good development prospect with rapid economic growth," and 34 percent believe it has "a good development prospect with stable economic growth."',
  commonalities:
    "The survey found that 97 percent of Chinese and 80 percent of LAC respondents recognize commonalities, particularly in supporting peace, a new global order, and green development.",
  importance:
    "Between eight and nine out of ten respondents in both regions view harmonious, friendly relations as very vital to their country's future.",
  friendlyOrNormal:
    'Survey data shows that over 90 percent of respondents in both regions view each other as "normal relations countries" or "friendly countries."',
  friendly: 'Over 70 percent of LAC respondents consider China a "friendly country" to the region.',
  usPressure:
    'The primary obstacle to friendlier relations, cited by over 40 percent of respondents in both regions, is "US pressure and provocation," with Panama (over 60 percent) and Mexico (over 50 percent) especially noting this.',
  troublemaker:
    'Over half of respondents in both regions see the US as a "troublemaker" in China-LAC relations, with Panama (73 percent) and both Argentina and Mexico (over 60 percent) expressing agreement.',
  future:
    "Despite geographical and cultural differences, six in ten or more respondents in both regions expect friendlier ties, while about 30 percent hope to maintain the status quo.",
  opportunity:
    "The survey found that 93 percent of LAC respondents see China's rapid development as an opportunity",
  aid: "Nearly 80 percent LAC respondents noted tangible benefits from Chinese aid",
  priorities:
    "For future cooperation, 60 percent of LAC respondents prioritized trade and investment, with over 40 percent expecting high-tech sectors such as AI, infrastructure, and green development.",
  prioritiesByCountry:
    "In Argentina, Brazil and Mexico, more than 60 percent of respondents emphasized trade and investment, while no less than 60 percent of respondents in Panama favored educational and cultural exchanges.",
  brics:
    "Most LAC respondents across the six surveyed countries see BRICS as a voice for the Global South, with nearly 80 percent in Brazil and over 70 percent in Chile, Mexico, and Panama in agreement.",
  rising:
    "The survey found that 80 percent of LAC respondents recognize China's rising global influence, with nearly 90 percent in Brazil and Panama and 80 percent or more in Argentina and Chile agreeing.",
  backyard:
    'When asked whether the region remains the US\' "backyard," 40 percent of LAC and 35 percent of Chinese respondents disagreed, while only 13 percent and 19 percent, respectively, fully agreeing.',
  tariffsLac:
    'Regarding recent US\' so-called "reciprocal tariffs," one-third of LAC respondents believe they could expand China-LAC trade, 20 percent see the "reciprocal tariffs" as disruptive to global trade, and one-third are uncertain.',
  tariffsChina:
    'Nearly half of Chinese respondents view the so-called "reciprocal tariffs" as harmful to global trade and China-LAC trade, while nearly one-quarter seeing potential for trade expansion.',
  ranking:
    "When ranking the importance of seven non-regional countries to LAC development, China topped the list, followed by the US, Russia, and Germany. China ranked first in five of the six LAC countries surveyed, except in Argentina.",
};

function share(
  population: "china" | "lac",
  question: string,
  values: string[],
  value: number,
  comparison: FindingComparison,
  sentence: string,
  site?: string,
): ShareFinding {
  return { kind: "share", population, site, question, values, share: value, comparison, sentence };
}

function rankedFirst(site: string, first: boolean): RankFinding {
  return {
    kind: "rankedFirst",
    population: "lac",
    site,
    question: "ranking_importance",
    item: "china",
    first,
    sentence: s.ranking,
  };
}

export const articleFindings: Finding[] = [
  share("china", "traits", ["passionate"], 0.55, "about", s.passionate),
  share("china", "interest", interested, 0.97, "about", s.interest),
  share("lac", "interest", interested, 0.96, "about", s.interest),
  share("china", "topics", ["history_civilizations"], 0.53, "about", s.topics),
  share("china", "topics", ["literature_arts"], 0.44, "about", s.topics),
  share("china", "prospects", ["good_stable"], 0.4, "about", s.prospectsChina),
  share("china", "prospects", ["steady_challenges"], 0.5, "over", s.prospectsChina),
  share("lac", "prospects", ["very_good_rapid"], 0.5, "about", s.prospectsLac),
  share("lac", "prospects", ["good_stable"], 0.34, "about", s.prospectsLac),
  share("china", "commonalities", recognizesCommonality, 0.97, "about", s.commonalities),
  share("lac", "commonalities", recognizesCommonality, 0.8, "about", s.commonalities),
  share("china", "relations_importance", ["very_important"], 0.8, "atLeast", s.importance),
  share("lac", "relations_importance", ["very_important"], 0.8, "atLeast", s.importance),
  share("china", "relationship", friendlyOrNormal, 0.9, "over", s.friendlyOrNormal),
  share("lac", "relationship", friendlyOrNormal, 0.9, "over", s.friendlyOrNormal),
  share("lac", "relationship", ["friendly"], 0.7, "over", s.friendly),
  share("china", "obstacles", ["us_pressure"], 0.4, "over", s.usPressure),
  share("lac", "obstacles", ["us_pressure"], 0.4, "over", s.usPressure),
  share("lac", "obstacles", ["us_pressure"], 0.6, "over", s.usPressure, "pa"),
  share("lac", "obstacles", ["us_pressure"], 0.5, "over", s.usPressure, "mx"),
  share("china", "troublemaker", agree, 0.5, "over", s.troublemaker),
  share("lac", "troublemaker", agree, 0.5, "over", s.troublemaker),
  share("lac", "troublemaker", agree, 0.73, "about", s.troublemaker, "pa"),
  share("lac", "troublemaker", agree, 0.6, "over", s.troublemaker, "ar"),
  share("lac", "troublemaker", agree, 0.6, "over", s.troublemaker, "mx"),
  share("china", "future_relations", ["friendlier"], 0.6, "atLeast", s.future),
  share("lac", "future_relations", ["friendlier"], 0.6, "atLeast", s.future),
  share("china", "future_relations", ["status_quo"], 0.3, "about", s.future),
  share("lac", "future_relations", ["status_quo"], 0.3, "about", s.future),
  share("lac", "opportunity", ["opportunity", "both"], 0.93, "about", s.opportunity),
  share("lac", "aid_benefits", ["many_benefits", "some_benefits"], 0.8, "about", s.aid),
  share("lac", "cooperation_priorities", ["trade_investment"], 0.6, "about", s.priorities),
  share("lac", "cooperation_priorities", ["high_tech"], 0.4, "over", s.priorities),
  share("lac", "cooperation_priorities", ["trade_investment"], 0.6, "over", s.prioritiesByCountry, "ar"),
  share("lac", "cooperation_priorities", ["trade_investment"], 0.6, "over", s.prioritiesByCountry, "br"),
  share("lac", "cooperation_priorities", ["trade_investment"], 0.6, "over", s.prioritiesByCountry, "mx"),
  share("lac", "cooperation_priorities", ["education_culture"], 0.6, "atLeast", s.prioritiesByCountry, "pa"),
  share("lac", "brics_voice", agree, 0.8, "about", s.brics, "br"),
  share("lac", "brics_voice", agree, 0.7, "over", s.brics, "cl"),
  share("lac", "brics_voice", agree, 0.7, "over", s.brics, "mx"),
  share("lac", "brics_voice", agree, 0.7, "over", s.brics, "pa"),
  share("lac", "brics_voice", agree, 0.5, "over", s.brics, "ar"),
  share("lac", "brics_voice", agree, 0.5, "over", s.brics, "cu"),
  share("lac", "rising_influence", agree, 0.8, "about", s.rising),
  share("lac", "rising_influence", agree, 0.9, "about", s.rising, "br"),
  share("lac", "rising_influence", agree, 0.9, "about", s.rising, "pa"),
  share("lac", "rising_influence", agree, 0.8, "atLeast", s.rising, "ar"),
  share("lac", "rising_influence", agree, 0.8, "atLeast", s.rising, "cl"),
  share("lac", "backyard", disagree, 0.4, "about", s.backyard),
  share("china", "backyard", disagree, 0.35, "about", s.backyard),
  share("lac", "backyard", ["fully_agree"], 0.13, "about", s.backyard),
  share("china", "backyard", ["fully_agree"], 0.19, "about", s.backyard),
  share("lac", "tariffs", ["expand_trade"], 1 / 3, "about", s.tariffsLac),
  share("lac", "tariffs", ["disrupt_global_trade"], 0.2, "about", s.tariffsLac),
  share("lac", "tariffs", ["uncertain"], 1 / 3, "about", s.tariffsLac),
  share("china", "tariffs", ["disrupt_global_trade", "harm_china_lac_trade"], 0.47, "about", s.tariffsChina),
  share("china", "tariffs", ["expand_trade"], 0.24, "about", s.tariffsChina),
  {
    kind: "rankedFirst",
    population: "lac",
    question: "ranking_importance",
    item: "china",
    first: true,
    sentence: s.ranking,
  },
  rankedFirst("ar", false),
  rankedFirst("br", true),
  rankedFirst("cl", true),
  rankedFirst("cu", true),
  rankedFirst("mx", true),
  rankedFirst("pa", true),
];

/**
 * The valid responses the article counts per population: "The "Chinese perspectives on the LAC" survey …
 * collected 2,099 valid responses. The "LAC perspectives on China" survey … gathering 3,373 valid responses
 * from adults aged 18-70."
 */
export const articleValidResponses: Record<string, number> = { china: 2099, lac: 3373 };
