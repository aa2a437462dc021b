/** The public-services API's shapes as the pages read them (the server's schemas are the source). */
import type { Message } from '../lib/i18n';

export type Audience = 'citizens' | 'businesses' | 'opd';
export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'file' | 'nik' | 'phone' | 'email' | 'group';
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; filled: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface FormField {
  key: string;
  type: FieldType;
  label: Message;
  help?: Message;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  minDate?: string;
  maxDate?: string;
  options?: { value: string; label: Message }[];
  multiple?: boolean;
  when?: Condition;
  fields?: FormField[];
  repeatable?: { min: number; max: number };
}

export interface Requirement {
  key: string;
  label: Message;
  description?: Message;
  required: boolean;
  kinds: ('pdf' | 'image')[];
  maxBytes: number;
  satisfiedBy?: 'account_nik';
}
export interface Step {
  key: string;
  name: Message;
  kind: 'review' | 'approval' | 'issuance';
  role: 'opd_officer' | 'opd_admin';
  workingDays: number;
}
export interface Version {
  form: { fields: FormField[] };
  requirements: Requirement[];
  steps: Step[];
  output: { title: string; body: string; validMonths: number | null };
}

export interface ServiceSummary {
  code: string;
  name: Message;
  description: Message;
  audience: Audience;
  opd: { code: string; name: string };
  feeRupiah: number;
  feeNote: string | null;
  standardDays: number;
  currentVersion: number | null;
  open: boolean;
}
export interface ServiceDetail extends ServiceSummary {
  legalBasis: string;
  editable: boolean;
  version: (Version & { version: number; publishedAt: string }) | null;
}

export type Status = 'draft' | 'submitted' | 'in_process' | 'correction_requested' | 'approved' | 'issued' | 'rejected' | 'withdrawn';
export type Deadline = 'overdue' | 'due_soon' | 'on_time' | null;
export type Action = 'submit' | 'pass' | 'request_correction' | 'resubmit' | 'approve' | 'reject' | 'issue' | 'withdraw' | 'comment';
export const ACTION_PATH: Record<Action, string> = {
  submit: 'submit',
  pass: 'pass',
  request_correction: 'request-correction',
  resubmit: 'resubmit',
  approve: 'approve',
  reject: 'reject',
  issue: 'issue',
  withdraw: 'withdraw',
  comment: 'comment',
};

export interface ApplicationSummary {
  number: string;
  status: Status;
  statusLabel: Message;
  channel: 'online' | 'counter';
  service: { code: string; name: Message; opd: { code: string; name: string } };
  step: Step | null;
  applicantName: string;
  applicantOpd: { code: string; name: string } | null;
  createdAt: string;
  submittedAt: string | null;
  stepDueAt: string | null;
  dueAt: string | null;
  deadline: Deadline;
}

export interface FileView {
  id: string;
  name: string;
  uploadedAt: string;
  url: string;
}
export interface ApplicationDetail extends ApplicationSummary {
  version: number;
  applicant: { name: string; nik: string | null; phone: string | null; email: string | null; assisted: boolean };
  answers: Record<string, unknown>;
  form: { fields: FormField[] };
  requirements: (Omit<Requirement, 'satisfiedBy'> & { satisfiedByData: boolean; file: FileView | null })[];
  files: (FileView & { key: string })[];
  steps: (Step & { state: 'done' | 'current' | 'pending'; doneAt: string | null; dueAt: string | null })[];
  correction: { note: string; requirements: string[]; fields: string[]; at: string } | null;
  /** The desk only: the household's standing in the welfare register (DTKS), for a service that asks. */
  welfare: { listed: boolean; period: string | null; decile: number | null; programmes: string[] } | null;
  decidedAt: string | null;
  issuedAt: string | null;
  documentNumber: string | null;
  documentUrl: string | null;
  timeline: { at: string; action: string; step: string | null; message: string | null; note?: string | null; actorRole?: string }[];
  allowedActions: Action[];
}

export const DESK_ROLES = ['opd_officer', 'opd_admin'] as const;
export const EDITOR_ROLES = ['opd_admin', 'super_admin'] as const;
export const INBOX_ROLES = ['opd_officer', 'opd_admin', 'auditor'] as const;
