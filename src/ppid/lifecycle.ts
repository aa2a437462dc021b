/**
 * The lifecycle of a public information request (permohonan informasi publik, UU 14/2008 and
 * Perki 1/2021) as data, like the aduan and kemiskinan tables. The PPID Utama (Diskominfo) checks a
 * request is complete, asks for clarification if it is not, and answers it itself or routes it to
 * the PPID Pelaksana of the OPD holding the information. The answer is a written notice: granted in
 * full or in part, refused under a Pasal 17 exemption, or not held. Compare Alaveteli's states:
 * waiting_response = `in_progress`, waiting_clarification = `clarification_needed`,
 * successful, partially_successful, rejected, not_held, user_withdrawn = `withdrawn`; "overdue" is
 * derived from the deadlines, not a state.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const REQUEST_STATUSES = [
  'submitted',
  'clarification_needed',
  'in_progress',
  'successful',
  'partially_successful',
  'rejected',
  'not_held',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Answered: the written notice has been given (the objection period runs from here). */
export const ANSWERED_STATUSES: readonly RequestStatus[] = ['successful', 'partially_successful', 'rejected', 'not_held'];
/** Still waiting on the PPID: the deadlines run. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'clarification_needed', 'in_progress'];

/** Who acts, as the lifecycle sees it (access.ts maps principals onto these). */
export type Actor = 'requester' | 'utama' | 'pelaksana';

const HANDLERS = ['utama', 'pelaksana'] as const;

export const TRANSITIONS = {
  verify: { from: ['submitted'], to: 'in_progress', by: ['utama'] },
  ask_clarification: { from: ['submitted', 'in_progress'], to: 'clarification_needed', by: HANDLERS },
  clarify: { from: ['clarification_needed'], to: 'submitted', by: ['requester'] },
  // Routing hands the request to the OPD holding the information; the Pelaksana may send it back.
  route: { from: ['in_progress'], to: 'same', by: ['utama'] },
  return_to_utama: { from: ['in_progress'], to: 'same', by: ['pelaksana'] },
  extend: { from: ['in_progress'], to: 'same', by: HANDLERS },
  grant: { from: ['in_progress'], to: 'successful', by: HANDLERS },
  grant_partly: { from: ['in_progress'], to: 'partially_successful', by: HANDLERS },
  refuse: { from: ['in_progress'], to: 'rejected', by: HANDLERS },
  not_held: { from: ['in_progress'], to: 'not_held', by: HANDLERS },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', by: ['requester'] },
  comment: { from: REQUEST_STATUSES, to: 'same', by: HANDLERS },
} as const satisfies Record<string, Transition<RequestStatus, Actor>>;

export type RequestAction = keyof typeof TRANSITIONS;
export const REQUEST_ACTIONS = Object.keys(TRANSITIONS) as RequestAction[];

export const lifecycle = workflow<RequestAction, RequestStatus, Actor>(TRANSITIONS, { id: 'permohonan', en: 'request' });

/** Deadlines in working days (UU 14/2008 Pasal 22 ayat 7–8; Perki 1/2021). */
export const DEADLINES = { verifyWorkingDays: 3, answerWorkingDays: 10, extensionWorkingDays: 7 } as const;

/** Pasal 17 exemptions (a–j): the information whose disclosure the law lets a body refuse. */
export const EXEMPTIONS = {
  a: { id: 'Menghambat proses penegakan hukum', en: 'Would obstruct law enforcement' },
  b: { id: 'Mengganggu perlindungan hak kekayaan intelektual dan persaingan usaha tidak sehat', en: 'Would harm intellectual property or fair competition' },
  c: { id: 'Membahayakan pertahanan dan keamanan negara', en: 'Would endanger national defence and security' },
  d: { id: 'Mengungkapkan kekayaan alam Indonesia', en: 'Would reveal Indonesia’s natural resources' },
  e: { id: 'Merugikan ketahanan ekonomi nasional', en: 'Would harm national economic resilience' },
  f: { id: 'Merugikan kepentingan hubungan luar negeri', en: 'Would harm foreign relations' },
  g: { id: 'Mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat', en: 'Would reveal private authentic deeds or wills' },
  h: { id: 'Mengungkap rahasia pribadi', en: 'Would reveal personal secrets' },
  i: { id: 'Memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan', en: 'Inter- or intra-agency memoranda confidential by nature' },
  j: { id: 'Informasi yang tidak boleh diungkapkan berdasarkan undang-undang', en: 'Information a law forbids disclosing' },
} as const;
export type Exemption = keyof typeof EXEMPTIONS;
export const EXEMPTION_CODES = Object.keys(EXEMPTIONS) as Exemption[];

export const IDENTITY_TYPES = ['nik', 'passport', 'entity'] as const;
export const CHANNELS = ['web', 'walk_in', 'phone', 'letter', 'email'] as const;
/** How the requester wants to obtain the information (Pasal 22 ayat 2). */
export const OBTAIN_METHODS = ['see', 'read', 'listen', 'note', 'soft_copy', 'hard_copy'] as const;
export const DELIVERY_METHODS = ['collect', 'post', 'courier', 'email'] as const;
