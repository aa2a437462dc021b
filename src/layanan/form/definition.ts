/**
 * A service's application form as data, edited by the OPD admin in the browser: fields with their
 * type, rules, options, a condition under which they apply, and groups (repeatable or not). A
 * published version never changes; an application keeps the version it was filed on.
 * There is deliberately no free regular-expression rule: a pattern typed in a browser is a ReDoS
 * waiting to happen on the server, so formats are the field types (nik, phone, email, date…).
 */
import type { Message } from '../../core/errors.js';

export const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'file', 'nik', 'phone', 'email', 'group'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A condition on another field's answer, as data: `{ field, equals }`, `{ field, in }`, `{ field, filled }`, or all/any/not of others. */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; filled: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface FieldOption {
  value: string;
  label: Message;
}

export interface FormField {
  /** The answer's key: lower-case letters, digits and underscores. */
  key: string;
  type: FieldType;
  label: Message;
  help?: Message | undefined;
  required?: boolean | undefined;
  /** text/textarea: length bounds. */
  minLength?: number | undefined;
  maxLength?: number | undefined;
  /** number: value bounds; `integer` refuses fractions. */
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean | undefined;
  /** date: bounds as YYYY-MM-DD or `today` (WIB), e.g. an event date not in the past. */
  minDate?: string | undefined;
  maxDate?: string | undefined;
  /** select: the choices; `multiple` takes a list of them. */
  options?: FieldOption[] | undefined;
  multiple?: boolean | undefined;
  /** The field applies (is shown, may be required) only when this holds. */
  when?: Condition | undefined;
  /** group: its fields (no groups or files inside); `repeatable` makes it a list of such items. */
  fields?: FormField[] | undefined;
  repeatable?: { min: number; max: number } | undefined;
}

export interface FormDefinition {
  fields: FormField[];
}

/** The kinds of file a requirement takes; photos of papers are kept as one-page PDFs. */
export const FILE_KINDS = ['pdf', 'image'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const SATISFIED_BY = ['account_nik', 'welfare_register'] as const;
export type SatisfiedBy = (typeof SATISFIED_BY)[number];

/** A document the applicant brings (persyaratan). */
export interface Requirement {
  key: string;
  label: Message;
  description?: Message | undefined;
  required: boolean;
  kinds: FileKind[];
  /** At most this many bytes (and never beyond the platform's upload limit). */
  maxBytes: number;
  /**
   * Satisfied by data the platform already holds, so no upload is asked: the applicant's NIK on
   * their verified account, or the household's listing in the welfare register (DTKS).
   */
  satisfiedBy?: SatisfiedBy | undefined;
}

/** Which role of the owning OPD performs a step. */
export const STEP_ROLES = ['opd_officer', 'opd_admin'] as const;
export type StepRole = (typeof STEP_ROLES)[number];
/** review: checked and passed on; approval: the decision; issuance: the signed document goes out. */
export const STEP_KINDS = ['review', 'approval', 'issuance'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface ProcessStep {
  key: string;
  name: Message;
  kind: StepKind;
  role: StepRole;
  workingDays: number;
}

/** What the issued document says: its title and body, with `{{field}}` filled from the answers. */
export interface OutputTemplate {
  title: string;
  body: string;
  /** Months the document stays valid; null when it does not lapse. */
  validMonths: number | null;
}

/** One published version of a service's form, requirements, steps and output. */
export interface ServiceVersion {
  form: FormDefinition;
  requirements: Requirement[];
  steps: ProcessStep[];
  output: OutputTemplate;
}

export const KEY_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
export const MAX_FIELDS = 80;
