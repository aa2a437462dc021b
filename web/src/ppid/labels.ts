/** Words for the PPID's codes, in both languages (the API sends codes; statuses also come labelled). */
import type { Message } from '../lib/i18n';

type Labels = Record<string, Message>;

export const STATUS: Labels = {
  submitted: { id: 'Menunggu pemeriksaan kelengkapan', en: 'Awaiting completeness check' },
  clarification_needed: { id: 'Perlu penjelasan pemohon', en: 'Clarification needed' },
  in_progress: { id: 'Sedang diproses', en: 'Being processed' },
  successful: { id: 'Dikabulkan seluruhnya', en: 'Granted in full' },
  partially_successful: { id: 'Dikabulkan sebagian', en: 'Granted in part' },
  rejected: { id: 'Ditolak', en: 'Refused' },
  not_held: { id: 'Tidak dikuasai', en: 'Not held' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
};

export const IDENTITY: Labels = {
  nik: { id: 'NIK (KTP)', en: 'NIK (identity card)' },
  passport: { id: 'Paspor', en: 'Passport' },
  entity: { id: 'Badan hukum', en: 'Legal entity' },
};

export const OBTAIN: Labels = {
  see: { id: 'Melihat', en: 'See it' },
  read: { id: 'Membaca', en: 'Read it' },
  listen: { id: 'Mendengarkan', en: 'Listen to it' },
  note: { id: 'Mencatat', en: 'Take notes' },
  soft_copy: { id: 'Salinan elektronik (softcopy)', en: 'Electronic copy' },
  hard_copy: { id: 'Salinan cetak (hardcopy)', en: 'Printed copy' },
};

export const DELIVERY: Labels = {
  collect: { id: 'Mengambil langsung di loket PPID', en: 'Collect at the PPID desk' },
  post: { id: 'Pos', en: 'Post' },
  courier: { id: 'Kurir', en: 'Courier' },
  email: { id: 'Email', en: 'Email' },
};

export const CHANNEL: Labels = {
  web: { id: 'Daring (web)', en: 'Online (web)' },
  walk_in: { id: 'Datang langsung ke loket', en: 'Walk-in at the desk' },
  phone: { id: 'Telepon', en: 'Phone' },
  letter: { id: 'Surat', en: 'Letter' },
  email: { id: 'Email', en: 'Email' },
};

/** Pasal 17 UU 14/2008, letters a–j, in short. */
export const EXEMPTION: Labels = {
  a: { id: 'huruf a — menghambat penegakan hukum', en: 'letter a — obstructs law enforcement' },
  b: { id: 'huruf b — hak kekayaan intelektual, persaingan usaha', en: 'letter b — intellectual property, fair competition' },
  c: { id: 'huruf c — pertahanan dan keamanan negara', en: 'letter c — defence and state security' },
  d: { id: 'huruf d — kekayaan alam Indonesia', en: 'letter d — natural resources' },
  e: { id: 'huruf e — ketahanan ekonomi nasional', en: 'letter e — national economic resilience' },
  f: { id: 'huruf f — hubungan luar negeri', en: 'letter f — foreign relations' },
  g: { id: 'huruf g — akta otentik pribadi, wasiat', en: 'letter g — private deeds, wills' },
  h: { id: 'huruf h — rahasia pribadi', en: 'letter h — personal secrets' },
  i: { id: 'huruf i — memorandum rahasia antar/intra badan publik', en: 'letter i — confidential inter-agency memoranda' },
  j: { id: 'huruf j — dilarang diungkap undang-undang', en: 'letter j — forbidden by law' },
};

/** Pasal 35 ayat (1), letters a–g. */
export const REASON: Labels = {
  a: { id: 'a — permohonan ditolak dengan alasan pengecualian Pasal 17', en: 'a — refused under a Pasal 17 exemption' },
  b: { id: 'b — informasi berkala tidak disediakan', en: 'b — periodic information not provided' },
  c: { id: 'c — permohonan tidak ditanggapi', en: 'c — the request was not answered' },
  d: { id: 'd — ditanggapi tidak sebagaimana yang diminta', en: 'd — the answer was not what was asked' },
  e: { id: 'e — permohonan tidak dipenuhi', en: 'e — the request was not fulfilled' },
  f: { id: 'f — biaya yang dikenakan tidak wajar', en: 'f — an unreasonable fee' },
  g: { id: 'g — informasi diberikan melewati batas waktu', en: 'g — given later than the law allows' },
};

export const OBJECTION_STATUS: Labels = {
  filed: { id: 'Keberatan menunggu keputusan', en: 'Objection awaiting decision' },
  upheld: { id: 'Keberatan diterima', en: 'Objection upheld' },
  dismissed: { id: 'Keberatan ditolak', en: 'Objection dismissed' },
  disputed: { id: 'Sengketa di Komisi Informasi', en: 'Dispute at the Information Commission' },
  dispute_decided: { id: 'Sengketa telah diputus', en: 'Dispute decided' },
};

export const OUTCOME: Labels = {
  granted: { id: 'Dikabulkan', en: 'Granted' },
  partly_granted: { id: 'Dikabulkan sebagian', en: 'Partly granted' },
  dismissed: { id: 'Ditolak', en: 'Dismissed' },
  mediated: { id: 'Mediasi berhasil', en: 'Settled by mediation' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
};

/** Timeline steps (request and objection). */
export const STEP: Labels = {
  submit: { id: 'Permohonan diajukan', en: 'Request filed' },
  power_of_attorney: { id: 'Surat kuasa diterima', en: 'Power of attorney received' },
  verify: { id: 'Diverifikasi lengkap', en: 'Verified as complete' },
  ask_clarification: { id: 'Diminta penjelasan', en: 'Clarification asked' },
  clarify: { id: 'Pemohon memberi penjelasan', en: 'Requester clarified' },
  route: { id: 'Diteruskan ke PPID Pelaksana', en: 'Routed to an agency’s PPID' },
  return_to_utama: { id: 'Dikembalikan ke PPID Utama', en: 'Returned to the PPID Utama' },
  extend: { id: 'Jangka waktu diperpanjang', en: 'Deadline extended' },
  grant: { id: 'Dikabulkan seluruhnya', en: 'Granted in full' },
  grant_partly: { id: 'Dikabulkan sebagian', en: 'Granted in part' },
  refuse: { id: 'Ditolak (Pasal 17)', en: 'Refused (Pasal 17)' },
  not_held: { id: 'Informasi tidak dikuasai', en: 'Information not held' },
  withdraw: { id: 'Dicabut pemohon', en: 'Withdrawn by the requester' },
  comment: { id: 'Catatan', en: 'Note' },
  object: { id: 'Keberatan diajukan', en: 'Objection filed' },
  uphold: { id: 'Keberatan diterima Atasan PPID', en: 'Objection upheld by the Atasan PPID' },
  dismiss: { id: 'Keberatan ditolak Atasan PPID', en: 'Objection dismissed by the Atasan PPID' },
  file_dispute: { id: 'Sengketa diajukan ke Komisi Informasi', en: 'Dispute filed at the Information Commission' },
  record_hearing: { id: 'Sidang Komisi Informasi', en: 'Information Commission hearing' },
  record_dispute_outcome: { id: 'Putusan Komisi Informasi', en: 'Information Commission decision' },
};

export const ROLE: Labels = {
  ppid_utama: { id: 'PPID Utama', en: 'PPID Utama' },
  ppid_pelaksana: { id: 'PPID Pelaksana', en: 'PPID Pelaksana' },
  atasan_ppid: { id: 'Atasan PPID', en: 'Atasan PPID' },
  requester: { id: 'Pemohon', en: 'Requester' },
  citizen: { id: 'Pemohon', en: 'Requester' },
};

/** A code's words, or the code itself when the list has none. */
export const label = (labels: Labels, code: string, lang: 'id' | 'en'): string => labels[code]?.[lang] ?? code;
