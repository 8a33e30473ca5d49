import fc from "fast-check";

/**
 * Generated submissions for the fuzz test of the responses endpoint: valid responses, replays, reused ids and
 * every kind of bad input (malformed, oversized and deep JSON, wrong content types, huge strings, unknown keys,
 * wrong types, unknown places, prototype keys). Each plan is resolved against what the run has accepted so far.
 */

export type Outcome = "stored" | "replayed" | "rejected" | "either";

export interface Attempt {
  kind: string;
  study: string;
  population: string;
  contentType?: string;
  payload: string;
  outcome: Outcome;
  /** The response id when the payload names one, for the bookkeeping of accepted responses. */
  id?: string;
  /** Only when known exactly. */
  status?: number;
}

/** What the run has accepted so far: replays and conflicting reuses of ids are drawn from here. */
export interface Ledger {
  accepted: Map<string, { payload: string; canonical: string }>;
  version: string;
}

export type Plan = (ledger: Ledger) => Attempt;

const startedAt = "2025-05-02T10:00:00Z";

const validAnswers = fc
  .record({
    age: fc.integer({ min: 18, max: 70 }),
    country: fc.constantFrom("ar", "mx"),
    likes: fc.subarray(["football", "music", "food"], { minLength: 1, maxLength: 2 }),
    pets: fc.boolean(),
    petName: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
    ranking: fc.shuffledSubarray(["china", "usa", "spain"], { minLength: 3, maxLength: 3 }),
    words: fc.option(fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }), { nil: undefined }),
  })
  .map(({ petName, words, ...answers }) => ({
    ...answers,
    ...(answers.pets && petName !== undefined ? { pet_name: petName } : {}),
    ...(words !== undefined ? { words } : {}),
  }));

/** Under 18: screened out with the answers given so far, which is a valid, stored response too. */
const screenedOutAnswers = fc.record({
  age: fc.integer({ min: 0, max: 17 }),
  country: fc.constantFrom("ar", "mx"),
});

const envelope = (answers: fc.Arbitrary<Record<string, unknown>>) =>
  fc.record({
    id: fc.uuid({ version: 4 }),
    language: fc.constantFrom("en", "es"),
    mode: fc.constantFrom("web", "f2f"),
    answers,
    paradata: fc.constant({ startedAt }),
    withVersion: fc.boolean(),
  });

interface Body {
  id: string;
  answers: Record<string, unknown>;
  [field: string]: unknown;
}

function submission(body: { withVersion: boolean } & Record<string, unknown>, ledger: Ledger): Body {
  const { withVersion, ...rest } = body;
  return (withVersion ? { ...rest, questionnaireVersion: ledger.version } : rest) as Body;
}

function attempt(kind: string, body: unknown, outcome: Outcome, extra: Partial<Attempt> = {}): Attempt {
  return {
    kind,
    study: "mini",
    population: "adults",
    contentType: "application/json",
    payload: typeof body === "string" ? body : JSON.stringify(body),
    outcome,
    id: typeof body === "object" && body !== null ? ((body as Body).id as string | undefined) : undefined,
    ...extra,
  };
}

const valid: fc.Arbitrary<Plan> = envelope(fc.oneof(validAnswers, screenedOutAnswers)).map(
  (body) => (ledger) => attempt("valid", submission(body, ledger), "stored"),
);

const replay: fc.Arbitrary<Plan> = fc.tuple(fc.nat(), fc.boolean()).map(([pick, reorder]) => (ledger) => {
  const ids = [...ledger.accepted.keys()];
  if (ids.length === 0) return attempt("replay", "{}", "rejected");
  const body = JSON.parse(ledger.accepted.get(ids[pick % ids.length])?.payload ?? "{}") as Body;
  // The same content with its keys in another order and other spacing is still the same response.
  const text = reorder
    ? JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2)
    : JSON.stringify(body);
  return attempt("replay", text, "replayed", { id: body.id, status: 200 });
});

const conflict: fc.Arbitrary<Plan> = fc
  .tuple(fc.nat(), envelope(validAnswers))
  .map(([pick, other]) => (ledger) => {
    const ids = [...ledger.accepted.keys()];
    if (ids.length === 0) return attempt("conflict", "[]", "rejected");
    const id = ids[pick % ids.length];
    const body = { ...submission(other, ledger), id, paradata: { startedAt, note: "another device" } };
    return attempt("conflict", body, "rejected", { status: 409 });
  });

const malformedJson: fc.Arbitrary<Plan> = fc
  .oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.tuple(envelope(validAnswers), fc.nat()).map(([body, cut]) => {
      const text = JSON.stringify(body);
      return text.slice(0, cut % text.length);
    }),
    fc.constantFrom(
      "{",
      "}",
      "{'id': 1}",
      '{"id":}',
      "[1,2,",
      "NaN",
      "undefined",
      '{"a":1,}',
      "\u0000",
      '{"id": "\\u12"}',
    ),
  )
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  })
  .map((text) => () => attempt("malformed JSON", text, "rejected"));

const notAResponse: fc.Arbitrary<Plan> = fc
  .jsonValue({ maxDepth: 4 })
  .map((value) => () => attempt("JSON that is not a response", JSON.stringify(value) ?? "null", "rejected"));

const oversized: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.integer({ min: 1024 * 1024 + 1, max: 1_300_000 }),
    fc.constantFrom("a", "é", "界"),
  )
  .map(([body, length, unit]) => (ledger) => {
    const big = submission(body, ledger);
    return attempt(
      "oversized",
      { ...big, answers: { ...big.answers, words: unit.repeat(length) } },
      "rejected",
      { status: 413 },
    );
  });

const wrongContentType: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.constantFrom(
      "text/plain",
      "text/html",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=xyz",
      "application/xml",
      "application/octet-stream",
      "application/vnd.api+json",
      "image/png",
      undefined,
    ),
  )
  .map(
    ([body, contentType]) =>
      (ledger) =>
        attempt("wrong content type", submission(body, ledger), "rejected", { contentType }),
  );

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom("x", "\u0000", "😀", "\\", '"', "\ud800"))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** A field that must be short and exact (id, language, mode, a choice, a version, a token, a key) made huge. */
const hugeStrings: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.constantFrom("id", "language", "mode", "country", "questionnaireVersion", "token", "key"),
    hugeString,
  )
  .map(([body, field, text]) => (ledger) => {
    const base = submission(body, ledger);
    const changed =
      field === "country"
        ? { ...base, answers: { ...base.answers, country: text } }
        : field === "key"
          ? { ...base, answers: { ...base.answers, [text.slice(0, 50_000)]: 1 } }
          : { ...base, [field]: text };
    return attempt(`huge ${field}`, changed, "rejected");
  });

/** Free text may be long: a long answer or paradata may be stored or refused, but only ever cleanly. */
const longFreeText: fc.Arbitrary<Plan> = fc
  .tuple(envelope(validAnswers), fc.constantFrom("words", "pet_name", "paradata"), hugeString)
  .map(([body, field, text]) => (ledger) => {
    const base = submission(body, ledger);
    const changed =
      field === "paradata"
        ? { ...base, paradata: { startedAt, trace: text } }
        : { ...base, answers: { ...base.answers, pets: true, [field]: text } };
    return attempt(`long ${field}`, changed, "either");
  });

const deepJson: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.constantFrom(65, 1_000, 10_000, 100_000),
    fc.constantFrom("body", "answers", "paradata", "unknown key"),
    fc.constantFrom("[", '{"a":'),
  )
  .map(([body, depth, where, opener]) => (ledger) => {
    const closer = opener === "[" ? "]" : "}";
    const deep = `${opener.repeat(depth)}1${closer.repeat(depth)}`;
    const base = JSON.stringify(submission(body, ledger));
    const text =
      where === "body"
        ? deep
        : where === "answers"
          ? base.replace('"answers":{', `"answers":{"deep":${deep},`)
          : where === "paradata"
            ? base.replace('"paradata":{', `"paradata":{"deep":${deep},`)
            : base.replace(/}$/, `,"extra":${deep}}`);
    return attempt(`deep JSON in ${where} (${depth})`, text, "rejected", { status: 400 });
  });

const unknownAnswerKeys: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.dictionary(
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((key) => !["age", "country", "likes", "pets", "pet_name", "ranking", "words"].includes(key)),
      fc.jsonValue({ maxDepth: 2 }),
      { minKeys: 1, maxKeys: 3 },
    ),
  )
  .map(([body, extra]) => (ledger) => {
    const base = submission(body, ledger);
    return attempt("unknown answer keys", { ...base, answers: { ...base.answers, ...extra } }, "rejected", {
      status: 422,
    });
  });

const wrongValues = {
  id: [
    "not-a-uuid",
    42,
    null,
    ["3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"],
    "3f1e2d4c5b6a47988a9b0c1d2e3f4a5b",
    "",
  ],
  language: ["zh-cn", "ES", 1, null, ""],
  mode: ["phone", "WEB", true, ["web"]],
  answers: [[], "age=30", null, 7],
  paradata: [[], "fast", 3],
  questionnaireVersion: [12, "0000000000000000", "\u0000", ""],
  "answers.age": ["thirty", true, [30], { years: 30 }],
  "answers.country": ["br", 1, ["ar"]],
  "answers.likes": ["football", ["football", "music", "food"], ["chess"], [["football"]]],
  "answers.pets": ["yes", 2, ["true"]],
  "answers.ranking": [["china"], "china,usa,spain", ["china", "china", "usa"]],
} as const;

const wrongTypes: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.constantFrom(...(Object.keys(wrongValues) as Array<keyof typeof wrongValues>)),
    fc.nat(),
  )
  .map(([body, field, pick]) => (ledger) => {
    const options = wrongValues[field];
    const value = options[pick % options.length];
    const base = submission(body, ledger);
    const changed = field.startsWith("answers.")
      ? { ...base, answers: { ...base.answers, [field.slice(8)]: value } }
      : { ...base, [field]: value };
    return attempt(`wrong ${field}`, changed, "rejected", { status: 422 });
  });

const pathSegment = fc.oneof(
  fc.stringMatching(/^[a-z0-9_-]{1,24}$/),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const unknownPlace: fc.Arbitrary<Plan> = fc
  .tuple(envelope(validAnswers), pathSegment, fc.boolean())
  .filter(([, segment]) => segment !== "mini" && segment !== "adults" && segment !== "." && segment !== "..")
  .map(
    ([body, segment, studyUnknown]) =>
      (ledger) =>
        attempt(
          studyUnknown ? "unknown study" : "unknown population",
          submission(body, ledger),
          "rejected",
          studyUnknown ? { study: segment, status: 404 } : { population: segment, status: 404 },
        ),
  );

const prototypeKeys: fc.Arbitrary<Plan> = fc
  .tuple(
    envelope(validAnswers),
    fc.constantFrom("top", "answers", "paradata"),
    fc.constantFrom('"__proto__":{"x":1}', '"constructor":{"prototype":{"x":1}}'),
  )
  .map(([body, where, member]) => (ledger) => {
    const base = JSON.stringify(submission(body, ledger));
    const text =
      where === "top"
        ? base.replace(/^{/, `{${member},`)
        : base.replace(`"${where}":{`, `"${where}":{${member},`);
    return attempt(`prototype key in ${where}`, text, "rejected");
  });

export const plans = fc.oneof(
  { arbitrary: valid, weight: 14 },
  { arbitrary: replay, weight: 8 },
  { arbitrary: conflict, weight: 6 },
  { arbitrary: malformedJson, weight: 10 },
  { arbitrary: notAResponse, weight: 6 },
  { arbitrary: oversized, weight: 1 },
  { arbitrary: wrongContentType, weight: 8 },
  { arbitrary: hugeStrings, weight: 3 },
  { arbitrary: longFreeText, weight: 2 },
  { arbitrary: deepJson, weight: 4 },
  { arbitrary: unknownAnswerKeys, weight: 8 },
  { arbitrary: wrongTypes, weight: 14 },
  { arbitrary: unknownPlace, weight: 6 },
  { arbitrary: prototypeKeys, weight: 4 },
);
