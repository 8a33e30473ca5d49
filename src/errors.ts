/**
 * The one catalogue of error codes. Every error a user can meet is a ParallaxError with a code from
 * here; the HTTP layer maps `status` to the reply and the CLI maps `exitCode` to the process exit.
 */
export interface ErrorDetail {
  /** Where: a file, a JSON path, a sheet/row/column, a field name. */
  path: string;
  message: string;
}

export const errorCatalogue = {
  NOT_FOUND: { status: 404, exitCode: 1, message: "Not found" },
  STUDY_NOT_FOUND: { status: 404, exitCode: 1, message: "Unknown study" },
  POPULATION_NOT_FOUND: { status: 404, exitCode: 1, message: "Unknown population" },
  STUDY_INVALID: { status: 422, exitCode: 1, message: "The study definition is invalid" },
  RESPONSE_INVALID: { status: 422, exitCode: 1, message: "The response is invalid" },
  RESPONSE_CONFLICT: {
    status: 409,
    exitCode: 1,
    message: "A different response was already stored under this id",
  },
  BAD_REQUEST: { status: 400, exitCode: 2, message: "The request is malformed" },
  XLSFORM_INVALID: { status: 422, exitCode: 1, message: "The XLSForm cannot be imported" },
  CODEBOOK_INVALID: { status: 422, exitCode: 1, message: "The codebook is invalid" },
  CSV_INVALID: { status: 422, exitCode: 2, message: "The CSV file cannot be read" },
  SPEC_INVALID: { status: 422, exitCode: 2, message: "The specification is invalid" },
  DESIGN_INVALID: { status: 422, exitCode: 2, message: "The survey design is invalid" },
  FILE_UNREADABLE: { status: 400, exitCode: 2, message: "The file cannot be read" },
  USAGE: { status: 400, exitCode: 2, message: "Wrong command usage" },
  FIELDWORK_CLOSED: { status: 403, exitCode: 1, message: "Fieldwork is not open for this population" },
  PERSONAL_DATA_KEY: {
    status: 500,
    exitCode: 1,
    message: "Personal data cannot be read with the configured key",
  },
  INVITATION_INVALID: { status: 403, exitCode: 1, message: "This invitation link is not valid" },
  INVITATION_USED: { status: 409, exitCode: 1, message: "This invitation has already been answered" },
  UNAUTHENTICATED: { status: 401, exitCode: 1, message: "Sign in first" },
  LOGIN_FAILED: { status: 401, exitCode: 1, message: "Wrong email or password" },
  FORBIDDEN: { status: 403, exitCode: 1, message: "Your role does not allow this" },
  CSRF_FAILED: { status: 403, exitCode: 1, message: "Missing or wrong CSRF token (header x-csrf-token)" },
  USER_EXISTS: { status: 409, exitCode: 1, message: "A user with this email exists" },
  RATE_LIMITED: { status: 429, exitCode: 1, message: "Too many requests; try again shortly" },
  INTERNAL: { status: 500, exitCode: 70, message: "Internal error" },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message?: string, details: ErrorDetail[] = []) {
    super(message ?? errorCatalogue[code].message);
    this.name = "ParallaxError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exitCode;
  }
}

export function isParallaxError(value: unknown): value is ParallaxError {
  return value instanceof ParallaxError;
}

/** Renders an error for a terminal: the message, then one line per detail. Never a stack trace. */
export function formatError(error: ParallaxError): string {
  const lines = [`error ${error.code}: ${error.message}`];
  for (const detail of error.details) lines.push(`  ${detail.path}: ${detail.message}`);
  return lines.join("\n");
}
