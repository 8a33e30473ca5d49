/**
 * AAPOR final disposition codes (Standard Definitions, 10th edition). Every invitation, contact and response
 * ends in one of these; the rates are computed from their counts.
 */
export const dispositions = {
  complete: { code: "1.1", group: "I", label: "Complete" },
  partial: { code: "1.2", group: "P", label: "Partial" },
  refusal: { code: "2.11", group: "R", label: "Refusal" },
  break_off: { code: "2.12", group: "R", label: "Break-off" },
  non_contact: { code: "2.20", group: "NC", label: "Non-contact" },
  other_non_interview: { code: "2.30", group: "O", label: "Other eligible, non-interview" },
  unknown_eligibility: { code: "3.10", group: "U", label: "Unknown eligibility, non-interview" },
  not_eligible: { code: "4.10", group: "NE", label: "Not eligible (screened out)" },
  quota_full: { code: "4.80", group: "NE", label: "Quota filled" },
} as const;

export type Disposition = keyof typeof dispositions;
/** An invitation nobody has answered or recorded an outcome for yet; counted as unknown eligibility. */
export type InvitationState = Disposition | "pending";

/** How a stored response's status reads as a disposition. */
export const dispositionOfStatus: Record<string, Disposition> = {
  complete: "complete",
  partial: "partial",
  break_off: "break_off",
  screened_out: "not_eligible",
  quota_full: "quota_full",
};
