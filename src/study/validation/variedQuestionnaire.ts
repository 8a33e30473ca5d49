import type { QuestionnaireJson } from "../types.ts";

/**
 * A questionnaire that uses every supported question type with visibleIf chains (on questions, choices,
 * rows, panels and pages), requiredIf, validators and special items: the ground for the differential test
 * against survey-core and for the throughput measurement.
 */
export const variedQuestionnaire: QuestionnaireJson = {
  pages: [
    {
      name: "screening",
      elements: [
        { type: "html", name: "intro", html: { default: "Welcome" } },
        { type: "text", name: "age", inputType: "number", isRequired: true, min: 18, max: 70, step: 1 },
        {
          type: "radiogroup",
          name: "country",
          isRequired: true,
          choices: ["ar", "br", "mx"],
          showOtherItem: true,
        },
        {
          type: "dropdown",
          name: "city",
          visibleIf: "{country} anyof ['ar', 'br']",
          choices: [
            { value: "baires", visibleIf: "{country} = 'ar'" },
            { value: "rio", visibleIf: "{country} = 'br'" },
            "other-city",
          ],
          showNoneItem: true,
        },
      ],
    },
    {
      name: "opinions",
      visibleIf: "{age} >= 18 and {age} <= 70",
      elements: [
        {
          type: "checkbox",
          name: "traits",
          isRequired: true,
          choices: ["kind", "smart", "hardworking", { value: "rich", visibleIf: "{country} <> 'mx'" }],
          showNoneItem: true,
          showOtherItem: true,
          maxSelectedChoices: 3,
        },
        {
          type: "tagbox",
          name: "topics",
          choices: ["trade", "culture", "sport"],
          minSelectedChoices: 1,
          visibleIf: "{traits} notempty",
        },
        { type: "boolean", name: "interested", isRequired: true },
        {
          type: "panel",
          name: "interest",
          visibleIf: "{interested} = true",
          elements: [
            { type: "rating", name: "interestLevel", rateMin: 1, rateMax: 5, isRequired: true },
            {
              type: "comment",
              name: "why",
              maxLength: 20,
              requiredIf: "{interestLevel} >= 4",
              validators: [{ type: "text", minLength: 3 }],
            },
          ],
        },
        { type: "ranking", name: "partners", choices: ["us", "cn", "eu"], visibleIf: "{interested} = false" },
        {
          type: "matrix",
          name: "agree",
          rows: ["backyard", { value: "tariffs", visibleIf: "{country} = 'mx'" }],
          columns: [1, 2, 3],
          eachRowRequired: true,
        },
        {
          type: "multipletext",
          name: "household",
          items: [
            {
              name: "adults",
              inputType: "number",
              isRequired: true,
              validators: [{ type: "numeric", minValue: 1 }],
            },
            { name: "note", maxLength: 10 },
          ],
        },
        { type: "expression", name: "ageGroup", expression: "iif({age} < 40, 'young', 'old')" },
        { type: "text", name: "email", inputType: "email", visibleIf: "{ageGroup} = 'young'" },
        {
          type: "text",
          name: "born",
          inputType: "date",
          validators: [{ type: "expression", expression: "{born} notempty or {age} > 60" }],
        },
        {
          type: "text",
          name: "code",
          validators: [{ type: "regex", regex: "^[a-z ]+$" }],
          visibleIf: "{partners} notempty or {agree.backyard} = 3",
        },
        {
          type: "checkbox",
          name: "aid",
          choices: ["health", "roads", "schools"],
          validators: [{ type: "answercount", minCount: 2 }],
          visibleIf: "{topics} contains 'trade'",
        },
      ],
    },
  ],
};
