/** Tables as Kysely sees them. JSON is stored as text and times as ISO-8601 text, the same on both dialects. */
export interface Database {
  studies: StudyTable;
  questionnaire_versions: QuestionnaireVersionTable;
  responses: ResponseTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  quota_cells: QuotaCellTable;
  invitations: InvitationTable;
  personal_data: PersonalDataTable;
  quality_flags: QualityFlagTable;
  flag_reviews: FlagReviewTable;
  assignments: AssignmentTable;
  contact_attempts: ContactAttemptTable;
  coded_mentions: CodedMentionTable;
  interviewer_verdicts: InterviewerVerdictTable;
}

/** An interviewer assigned to a population and some of its sites. */
export interface AssignmentTable {
  id: string;
  study_id: string;
  population_id: string;
  user_id: string;
  /** JSON array of site ids. */
  sites: string;
  assigned_by: string;
  created_at: string;
  updated_at: string;
}

/** A face-to-face contact that gave no interview (refusal, non-contact), recorded by the interviewer app. */
export interface ContactAttemptTable {
  id: string;
  study_id: string;
  population_id: string;
  interviewer_id: string;
  site_id: string | null;
  /** A Disposition: refusal, non_contact or other_non_interview. */
  outcome: string;
  attempted_at: string;
  received_at: string;
}

export interface InvitationTable {
  id: string;
  study_id: string;
  population_id: string;
  site_id: string | null;
  language: string;
  mode: string;
  token_hash: string;
  /** A Disposition (src/fieldwork/dispositions.ts); "pending" until the invitee answers or a contact outcome is recorded. */
  disposition: string;
  response_id: string | null;
  personal_data_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonalDataTable {
  id: string;
  study_id: string;
  ciphertext: string;
  nonce: string;
  tag: string;
  created_at: string;
}

export interface QuotaCellTable {
  study_id: string;
  population_id: string;
  quota_id: string;
  cell: string;
  target: number;
  count: number;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  source: string;
  prev_hash: string;
  hash: string;
}

export interface StudyTable {
  id: string;
  /** study.json as loaded. */
  definition: string;
  loaded_at: string;
}

export interface QuestionnaireVersionTable {
  study_id: string;
  population_id: string;
  version: string;
  questionnaire: string;
  created_at: string;
}

export interface ResponseTable {
  /** The UUID the client chose: submitting the same response again finds this row. */
  id: string;
  study_id: string;
  population_id: string;
  questionnaire_version: string;
  site_id: string | null;
  language: string;
  mode: string;
  status: string;
  answers: string;
  paradata: string;
  user_agent: string | null;
  /** Hash of the submitted body, to tell a retry from a different response reusing an id. */
  body_hash: string;
  received_at: string;
  /** The personal invitation this response answered, if any. */
  invitation_id?: string | null;
}

export interface QualityFlagTable {
  study_id: string;
  response_id: string;
  rule: string;
  severity: string;
  /** The reason in every study language, as JSON. */
  reason: string;
  evidence: string;
  screened_at: string;
}

/** One interviewer's verdict from the last screen; `verdict` is the InterviewerVerdict as JSON. */
export interface InterviewerVerdictTable {
  study_id: string;
  population_id: string;
  interviewer: string;
  verdict: string;
  screened_at: string;
}

export interface FlagReviewTable {
  study_id: string;
  response_id: string;
  rule: string;
  /** "accept" confirms the flag; "override" sets it aside. */
  decision: string;
  comment: string;
  reviewer: string;
  reviewed_at: string;
}

/** One code an open answer carries; `parallax code --db` replaces a question's rows in one transaction. */
export interface CodedMentionTable {
  study_id: string;
  population_id: string;
  response_id: string;
  /** The open question's name. */
  question: string;
  /** A code id of the question's codebook (`other` for an answer no pattern matched). */
  code: string;
  coded_at: string;
}
