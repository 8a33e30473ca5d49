import { Helpers, type SurveyValidator } from "survey-core";
import { type AnswerValidator, count, holds } from "./compiledQuestion.ts";
import { type CompileProblem, compileCondition } from "./conditions.ts";

// survey-core's own e-mail pattern, so the server accepts exactly what the page accepted.
const emailPattern =
  /^(([^<>()[\].,;:\s@"]+(\.[^<>()[\].,;:\s@"]+)*)|(".+"))@(([^<>()=[\].,;:\s@"]+\.)+[^<>()=[\].,;:\s@"]{2,})$/i;

type LocalizedMessage = (locale: string | undefined) => string | undefined;

/**
 * Compiles survey-core validators (read from the loaded Model) into plain checks that behave as
 * survey-core's do: the same emptiness rules, number parsing and patterns.
 */
export function compileValidators(
  validators: SurveyValidator[],
  rawValidators: unknown,
  path: string,
  problems: CompileProblem[],
): AnswerValidator[] {
  const raw = Array.isArray(rawValidators) ? rawValidators : [];
  return validators.map((validator, index) => {
    const at = `${path}.validators[${index}]`;
    const own = customText((raw[index] as { text?: unknown } | undefined)?.text);
    return compileValidator(validator, own, at, problems);
  });
}

export function emailValidator(): AnswerValidator {
  return {
    runsOnEmpty: false,
    check: (value) =>
      !value || emailPattern.test(String(value)) ? undefined : "must be a valid e-mail address",
  };
}

function compileValidator(
  validator: SurveyValidator,
  own: LocalizedMessage,
  at: string,
  problems: CompileProblem[],
): AnswerValidator {
  const props = validator as unknown as Record<string, unknown>; // survey-core exposes them as accessors
  const message = (fallback: string, locale: string | undefined) => own(locale) ?? fallback;
  switch (validator.getType()) {
    case "numericvalidator":
      return numericValidator(numberOrNull(props.minValue), numberOrNull(props.maxValue), message);
    case "textvalidator":
      return textValidator(
        Number(props.minLength) || 0,
        Number(props.maxLength) || 0,
        props.allowDigits !== false,
        message,
      );
    case "regexvalidator": {
      const pattern = typeof props.regex === "string" ? props.regex : "";
      let regex: RegExp | undefined;
      try {
        regex = pattern ? new RegExp(pattern, props.caseInsensitive === true ? "i" : "") : undefined;
      } catch {
        problems.push({ path: at, message: `the pattern ${pattern} is not a valid regular expression` });
      }
      return regexValidator(regex, message);
    }
    case "emailvalidator": {
      const email = emailValidator();
      return {
        runsOnEmpty: false,
        check: (value, context) =>
          email.check(value, context) && message("must be a valid e-mail address", context.locale),
      };
    }
    case "expressionvalidator": {
      const expression = String(props.expression ?? "");
      if (!expression.trim()) return { runsOnEmpty: true, check: () => undefined };
      const condition = compileCondition(expression, at, problems);
      return {
        runsOnEmpty: true,
        check: (_value, context) =>
          holds(condition, context) ? undefined : message(`must satisfy ${expression}`, context.locale),
      };
    }
    case "answercountvalidator":
      return answerCountValidator(Number(props.minCount) || 0, Number(props.maxCount) || 0, message);
    default:
      problems.push({ path: at, message: `the validator type "${validator.getType()}" is not supported` });
      return { runsOnEmpty: false, check: () => undefined };
  }
}

type Message = (fallback: string, locale: string | undefined) => string;

function numericValidator(min: number | null, max: number | null, message: Message): AnswerValidator {
  return {
    runsOnEmpty: false,
    check(value, context) {
      if (!Helpers.isNumber(value)) return "must be a number";
      const number = Helpers.getNumber(value);
      if (min !== null && number < min) return message(`must be at least ${min}`, context.locale);
      if (max !== null && number > max) return message(`must be at most ${max}`, context.locale);
      return undefined;
    },
  };
}

function textValidator(
  minLength: number,
  maxLength: number,
  allowDigits: boolean,
  message: Message,
): AnswerValidator {
  return {
    runsOnEmpty: false,
    check(value, context) {
      const length = (value as { length?: unknown }).length;
      // survey-core tests only for digits at the end of the text.
      if (!allowDigits && /\d+$/.test(String(value)))
        return message("must not contain digits", context.locale);
      if (minLength > 0 && typeof length === "number" && length < minLength) {
        return message(`must be at least ${count(minLength, "character")} long`, context.locale);
      }
      if (maxLength > 0 && typeof length === "number" && length > maxLength) {
        return message(`must be at most ${count(maxLength, "character")} long`, context.locale);
      }
      return undefined;
    },
  };
}

function regexValidator(regex: RegExp | undefined, message: Message): AnswerValidator {
  return {
    runsOnEmpty: false,
    check(value, context) {
      if (!regex) return undefined;
      const items = Array.isArray(value) ? [...value, value] : [value];
      const fails = items.some((item) => !regex.test(String(item)));
      return fails ? message(`does not match the pattern ${regex.source}`, context.locale) : undefined;
    },
  };
}

function answerCountValidator(minCount: number, maxCount: number, message: Message): AnswerValidator {
  return {
    runsOnEmpty: false,
    check(value, context) {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      if (minCount && value.length < minCount)
        return message(`needs at least ${count(minCount, "choice")}`, context.locale);
      if (maxCount && value.length > maxCount)
        return message(`allows at most ${count(maxCount, "choice")}`, context.locale);
      return undefined;
    },
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function customText(text: unknown): LocalizedMessage {
  if (typeof text === "string" && text.trim()) return () => text;
  if (typeof text === "object" && text !== null) {
    const texts = text as Record<string, unknown>;
    return (locale) => {
      const chosen = (locale && texts[locale]) || texts.default || texts.en;
      return typeof chosen === "string" && chosen.trim() ? chosen : undefined;
    };
  }
  return () => undefined;
}
