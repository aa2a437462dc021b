/** The form engine's refusals, each naming the field's own label in Indonesian and English. */
import type { Message } from '../../core/errors.js';

type L = Message;
const m = (id: string, en: string): Message => ({ id, en });

export const FORM_MESSAGES = {
  required: (l: L) => m(`${l.id} wajib diisi.`, `${l.en} is required.`),
  mustAccept: (l: L) => m(`${l.id} harus dicentang.`, `${l.en} must be ticked.`),
  type: (l: L, what: Message) => m(`${l.id} harus berupa ${what.id}.`, `${l.en} must be ${what.en}.`),
  tooShort: (l: L, n: number) => m(`${l.id} minimal ${n} karakter.`, `${l.en} needs at least ${n} characters.`),
  tooLong: (l: L, n: number) => m(`${l.id} maksimal ${n} karakter.`, `${l.en} takes at most ${n} characters.`),
  belowMin: (l: L, n: number) => m(`${l.id} minimal ${n}.`, `${l.en} must be at least ${n}.`),
  aboveMax: (l: L, n: number) => m(`${l.id} maksimal ${n}.`, `${l.en} must be at most ${n}.`),
  notInteger: (l: L) => m(`${l.id} harus bilangan bulat.`, `${l.en} must be a whole number.`),
  dateFormat: (l: L) => m(`${l.id} harus tanggal yang valid (TTTT-BB-HH).`, `${l.en} must be a real date (YYYY-MM-DD).`),
  dateBefore: (l: L, d: string) => m(`${l.id} tidak boleh sebelum ${d}.`, `${l.en} may not be before ${d}.`),
  dateAfter: (l: L, d: string) => m(`${l.id} tidak boleh setelah ${d}.`, `${l.en} may not be after ${d}.`),
  option: (l: L) => m(`Pilihan ${l.id} tidak tersedia.`, `That choice is not available for ${l.en}.`),
  phone: (l: L) => m(`${l.id} harus nomor telepon seluler Indonesia (08… atau +628…).`, `${l.en} must be an Indonesian mobile number (08… or +628…).`),
  email: (l: L) => m(`${l.id} harus alamat email yang valid.`, `${l.en} must be a valid email address.`),
  fewItems: (l: L, n: number) => m(`${l.id} minimal ${n} isian.`, `${l.en} needs at least ${n} entries.`),
  manyItems: (l: L, n: number) => m(`${l.id} maksimal ${n} isian.`, `${l.en} takes at most ${n} entries.`),
  unknown: () => m('Isian ini tidak ada pada formulir.', 'This field is not on the form.'),
  fileMissing: (l: L) => m(`Unggah berkas ${l.id}.`, `Upload the file ${l.en}.`),
} as const;

/** What a value must be, for the type refusal. */
export const KINDS = {
  text: m('teks', 'text'),
  number: m('angka', 'a number'),
  boolean: m('ya/tidak', 'yes/no'),
  list: m('daftar pilihan', 'a list of choices'),
  object: m('kelompok isian', 'a group of fields'),
  items: m('daftar isian', 'a list of entries'),
} as const;
