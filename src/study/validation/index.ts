export { compileQuestionnaire } from "./compileQuestionnaire.ts";
export { evaluateExpression } from "./evaluateExpression.ts";
export { generateValidAnswers } from "./generateValidAnswers.ts";
export type { CompiledQuestionnaire, QuestionInfo, ValidateOptions, ValidationIssue } from "./types.ts";
