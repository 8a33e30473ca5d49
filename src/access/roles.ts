/** The people who work on a study, each seeing only what the role needs. */
export const roles = ["admin", "manager", "interviewer", "analyst"] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  /** Accounts and roles. */
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  /** Fieldwork progress, quotas, dispositions and response rates. */
  "fieldwork:read": ["admin", "manager"],
  "invitations:manage": ["admin", "manager"],
  /** Answers and paradata, never personal data. */
  "responses:read": ["admin", "manager", "analyst"],
  "export:run": ["admin", "manager", "analyst"],
  /** Run the quality screen and accept or override its flags. */
  "quality:review": ["admin", "manager"],
  /** Names, emails, phone numbers and GPS points: only an admin, and every read is audited. */
  "personal:read": ["admin"],
  /** An interviewer's own assignments and interviews. */
  "assignments:own": ["interviewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
