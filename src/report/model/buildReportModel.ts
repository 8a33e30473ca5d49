import type { Jieba } from "@node-rs/jieba";
import { defaultQualityConfig, type QualityConfig } from "../../quality/qualityConfig.ts";
import { excludedIds, type FlagDecisions, runScreen, validAmong } from "../../quality/screenResponses.ts";
import { summarizeScreen } from "../../quality/summarizeScreen.ts";
import type { FlagVerdict, ScreenedResponse } from "../../quality/types.ts";
import type { LoadedStudy } from "../../study/types.ts";
import type { Codebook } from "../../text/codebookTypes.ts";
import { createCoder } from "../../text/createCoder.ts";
import { isTextLanguage, type TextLanguage } from "../../text/language.ts";
import type { WeightingConfig } from "../weighting/weightingConfig.ts";
import { weightingQuestions, weightReportData } from "../weighting/weightReportData.ts";
import { conceptSection } from "./conceptSections.ts";
import { keyFindings } from "./keyFindings.ts";
import { methodology } from "./methodology.ts";
import { buildReportData, type OpenAnswerCoder, type ReportData } from "./reportData.ts";
import type { ReportModel } from "./reportModel.ts";

export type ReportProgress = (step: string, done: number, total: number) => void;

export interface ReportInputs {
  study: LoadedStudy;
  /** Every stored response of the study: the screen decides which are valid. */
  responses: ScreenedResponse[];
  /** Their screen's flags, when the caller has screened them (see loadAndScreen); screened here otherwise. */
  flags?: readonly FlagVerdict[];
  quality?: QualityConfig;
  /** Reviewers' decisions on flags ("responseId rule" → accept or override). */
  decisions?: FlagDecisions;
  weighting: WeightingConfig | null;
  /** Codebooks of open questions by `<population>.<question>`. */
  codebooks: Map<string, Codebook>;
  jieba: Jieba;
  generatedAt: string;
  onProgress?: ReportProgress;
}

/** Screens the responses, keeps the valid ones, codes open answers, weights and estimates: the report's content. */
export function buildReportModel(inputs: ReportInputs): ReportModel {
  const { study } = inputs;
  const progress = inputs.onProgress ?? (() => {});
  progress("screen", 0, 1);
  const flags =
    inputs.flags ?? runScreen(study, inputs.responses, inputs.quality ?? defaultQualityConfig).flags;
  // Validity decided once, reviewers' decisions included, for both the valid set and the counts per site.
  const decisions = inputs.decisions ?? new Map();
  const excluded = excludedIds(flags, decisions);
  const valid = validAmong(inputs.responses, excluded);
  const summary = summarizeScreen(study.definition, inputs.responses, flags, decisions, excluded);
  progress("code", 0, 1);
  const data = buildReportData(
    study,
    valid,
    inputs.codebooks,
    memoisedCoders(study, inputs.jieba),
    weightingQuestions(inputs.weighting),
  );
  return reportModelFromData(study, data, inputs.weighting, {
    stored: inputs.responses,
    valid,
    screen: summary,
    generatedAt: inputs.generatedAt,
    onProgress: progress,
    hiddenQuestions: new Set(
      (inputs.quality ?? defaultQualityConfig).rules.attention.checks.map((check) => check.question),
    ),
  });
}

export interface ModelContext {
  stored: ScreenedResponse[];
  valid: ScreenedResponse[];
  screen: ReturnType<typeof summarizeScreen>;
  generatedAt: string;
  onProgress?: ReportProgress;
  /** Questions kept out of the report: attention checks, which measure care, not opinion. */
  hiddenQuestions?: ReadonlySet<string>;
}

/** Weights the report's frame and estimates every concept (the part that grows with the number of rows). */
export function reportModelFromData(
  study: LoadedStudy,
  data: ReportData,
  weighting: WeightingConfig | null,
  context: ModelContext,
): ReportModel {
  const progress = context.onProgress ?? (() => {});
  progress("weight", 0, 1);
  const weighted = weightReportData(study.definition, data, weighting);
  const weightingVariables = new Set(
    Object.values(weighting?.populations ?? {}).flatMap((population) =>
      population.margins.map((margin) => margin.question),
    ),
  );
  const hidden = context.hiddenQuestions ?? new Set<string>();
  const shown = data.concepts.filter(
    (info) => !info.questions.some((question) => hidden.has(question.question)),
  );
  const concepts = shown.map((info, index) => {
    progress("estimate", index, shown.length);
    return conceptSection(
      weighted.design,
      data,
      info,
      info.questions.some((question) => weightingVariables.has(question.question)),
    );
  });
  progress("estimate", shown.length, shown.length);
  const n = data.frame.n;
  return {
    studyId: study.definition.id,
    generatedAt: context.generatedAt,
    simulatedShare: n === 0 ? 0 : data.simulatedRows / n,
    populations: data.populations,
    findings: keyFindings(concepts, data.populations),
    methodology: methodology(
      study.definition,
      context.stored,
      context.valid,
      context.screen,
      weighted.summaries,
    ),
    concepts,
  };
}

/** One coder per codebook, remembering each distinct answer: open answers repeat a great deal. */
export function memoisedCoders(
  study: LoadedStudy,
  jieba: Jieba,
): (codebook: Codebook, population: string) => OpenAnswerCoder {
  return (codebook, population) => {
    const languages = (
      study.definition.populations.find((candidate) => candidate.id === population)?.languages ?? []
    ).filter(isTextLanguage) as TextLanguage[];
    const coder = createCoder(codebook, { jieba, languages });
    // By language, then text: a key joining the two would be a new string to build and hash per answer.
    const seen = new Map<string, Map<string, { codes: readonly string[] }>>();
    return (text, language) => {
      const tag = String(language);
      let ofLanguage = seen.get(tag);
      if (!ofLanguage) {
        ofLanguage = new Map();
        seen.set(tag, ofLanguage);
      }
      let coded = ofLanguage.get(text);
      if (!coded) {
        coded = { codes: coder.code({ text, language }).codes };
        ofLanguage.set(text, coded);
      }
      return coded;
    };
  };
}
