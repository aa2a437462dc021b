import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { FormDefinition, ServiceVersion } from './definition.js';
import { answersProblem, checkedAnswers, validateAnswers } from './validate.js';
import { versionProblems } from './check.js';

const L = (id: string, en = id) => ({ id, en });

/** A crowd-event permit form: a select that opens a condition, dates, numbers, a repeatable group with a condition inside. */
const FORM: FormDefinition = {
  fields: [
    { key: 'nama_acara', type: 'text', label: L('Nama acara', 'Event name'), required: true, minLength: 3, maxLength: 80 },
    { key: 'jenis', type: 'select', label: L('Jenis acara', 'Kind of event'), required: true, options: [{ value: 'pernikahan', label: L('Pernikahan') }, { value: 'konser', label: L('Konser') }] },
    { key: 'penyelenggara_usaha', type: 'text', label: L('Nama badan usaha', 'Business name'), required: true, when: { field: 'jenis', equals: 'konser' } },
    { key: 'tanggal', type: 'date', label: L('Tanggal acara', 'Event date'), required: true, minDate: 'today' },
    { key: 'peserta', type: 'number', label: L('Perkiraan peserta', 'Expected attendance'), required: true, integer: true, min: 1, max: 10000 },
    { key: 'telepon', type: 'phone', label: L('Nomor HP', 'Mobile number'), required: true },
    { key: 'email', type: 'email', label: L('Email') },
    { key: 'fasilitas', type: 'select', multiple: true, label: L('Fasilitas', 'Facilities'), options: [{ value: 'tenda', label: L('Tenda') }, { value: 'panggung', label: L('Panggung') }] },
    { key: 'denah', type: 'file', label: L('Denah lokasi', 'Site plan'), required: true },
    {
      key: 'panitia',
      type: 'group',
      label: L('Panitia', 'Committee'),
      required: true,
      repeatable: { min: 1, max: 3 },
      fields: [
        { key: 'nama', type: 'text', label: L('Nama', 'Name'), required: true },
        { key: 'nik', type: 'nik', label: L('NIK'), required: true },
        { key: 'peran', type: 'select', label: L('Peran', 'Role'), required: true, options: [{ value: 'ketua', label: L('Ketua') }, { value: 'lain', label: L('Lainnya') }] },
        { key: 'peran_lain', type: 'text', label: L('Peran lainnya', 'Other role'), required: true, when: { field: 'peran', equals: 'lain' } },
        { key: 'izin_konser', type: 'checkbox', label: L('Bersertifikat keamanan', 'Security certified'), required: true, when: { field: 'jenis', equals: 'konser' } },
      ],
    },
    { key: 'setuju', type: 'checkbox', label: L('Pernyataan kebenaran data', 'Declaration'), required: true },
  ],
};

const today = '2026-03-02';
const files = new Set(['denah']);
const good = {
  nama_acara: '  Resepsi Andi & Sari ',
  jenis: 'pernikahan',
  tanggal: '2026-03-14',
  peserta: '300',
  telepon: '0812-7654 3210',
  panitia: [{ nama: 'Andi', nik: '1472011208900123', peran: 'ketua' }],
  setuju: true,
};
const fieldsOf = (r: { errors: { field: string; code: string }[] }) => r.errors.map((e) => `${e.field}:${e.code}`);

describe('form engine: an answer against a form version', () => {
  it('accepts a good answer and cleans it: trimmed text, numbers from text, phone as +62', () => {
    const r = validateAnswers(FORM, good, { mode: 'submit', files, today });
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({ ...good, nama_acara: 'Resepsi Andi & Sari', peserta: 300, telepon: '+6281276543210' });
  });

  it('names every missing required field at submission, with its label in both languages', () => {
    const r = validateAnswers(FORM, {}, { mode: 'submit', files: new Set(), today });
    expect(fieldsOf(r)).toEqual(['nama_acara:required', 'jenis:required', 'tanggal:required', 'peserta:required', 'telepon:required', 'denah:file_missing', 'panitia:too_few_items', 'setuju:required']);
    expect(r.errors[0]!.message).toEqual({ id: 'Nama acara wajib diisi.', en: 'Event name is required.' });
    expect(r.errors.at(-1)!.message).toEqual({ id: 'Pernyataan kebenaran data harus dicentang.', en: 'Declaration must be ticked.' });
  });

  it('a draft is checked for types and bounds, not for what is still missing', () => {
    expect(validateAnswers(FORM, { nama_acara: 'Resepsi' }, { mode: 'draft', files: new Set(), today }).errors).toEqual([]);
    expect(fieldsOf(validateAnswers(FORM, { peserta: 0 }, { mode: 'draft', files: new Set(), today }))).toEqual(['peserta:below_min']);
  });

  it('refuses wrong types and broken rules, each under its own path', () => {
    const r = validateAnswers(
      FORM,
      { ...good, nama_acara: 'AB', jenis: 'demo', tanggal: '2026-02-30', peserta: 12.5, telepon: '021-555', email: 'bukan-email', fasilitas: ['tenda', 'kolam'], setuju: 'ya', rahasia: 1 },
      { mode: 'submit', files, today },
    );
    expect(fieldsOf(r)).toEqual(['rahasia:unknown_field', 'nama_acara:too_short', 'jenis:option', 'tanggal:date_format', 'peserta:not_integer', 'telepon:phone_format', 'email:email_format', 'fasilitas:option', 'setuju:type']);
  });

  it('date bounds: `today` is the WIB date given', () => {
    expect(fieldsOf(validateAnswers(FORM, { ...good, tanggal: '2026-03-01' }, { mode: 'submit', files, today }))).toEqual(['tanggal:date_before']);
    expect(validateAnswers(FORM, { ...good, tanggal: '2026-03-02' }, { mode: 'submit', files, today }).errors).toEqual([]);
  });

  it('a condition makes a field required only when it holds, and drops the answer when it does not', () => {
    const concert = validateAnswers(FORM, { ...good, jenis: 'konser' }, { mode: 'submit', files, today });
    expect(fieldsOf(concert)).toEqual(['penyelenggara_usaha:required', 'panitia[0].izin_konser:required']);
    const wedding = validateAnswers(FORM, { ...good, penyelenggara_usaha: 'PT Hiburan' }, { mode: 'submit', files, today });
    expect(wedding.errors).toEqual([]);
    expect(wedding.answers).not.toHaveProperty('penyelenggara_usaha');
  });

  it('repeatable groups: bounds, and each item checked under its index, conditions seeing their own item', () => {
    const member = (o: Record<string, unknown>) => ({ nama: 'Budi', nik: '1472011208900123', peran: 'ketua', ...o });
    const r = validateAnswers(FORM, { ...good, panitia: [member({}), member({ peran: 'lain' }), member({ nik: '123' })] }, { mode: 'submit', files, today });
    expect(fieldsOf(r)).toEqual(['panitia[1].peran_lain:required', 'panitia[2].nik:nik_format']);
    const tooMany = validateAnswers(FORM, { ...good, panitia: [member({}), member({}), member({}), member({})] }, { mode: 'submit', files, today });
    expect(fieldsOf(tooMany)).toEqual(['panitia:too_many_items']);
    const notItems = validateAnswers(FORM, { ...good, panitia: [member({}), 'x'] }, { mode: 'submit', files, today });
    expect(fieldsOf(notItems)).toEqual(['panitia[1]:type']);
  });

  it('conditions as data: in, filled, all, any, not; multiple choices match by inclusion', () => {
    const form: FormDefinition = {
      fields: [
        { key: 'a', type: 'select', multiple: true, label: L('A'), options: [{ value: 'x', label: L('x') }, { value: 'y', label: L('y') }] },
        { key: 'b', type: 'text', label: L('B') },
        { key: 'c', type: 'text', label: L('C'), required: true, when: { all: [{ field: 'a', equals: 'y' }, { not: { field: 'b', filled: true } }] } },
        { key: 'd', type: 'text', label: L('D'), required: true, when: { any: [{ field: 'a', in: ['x'] }, { field: 'b', equals: 'z' }] } },
      ],
    };
    const check = (answers: Record<string, unknown>) => fieldsOf(validateAnswers(form, answers, { mode: 'submit', files: new Set(), today }));
    expect(check({ a: ['y'] })).toEqual(['c:required']);
    expect(check({ a: ['y'], b: 'isi' })).toEqual([]);
    expect(check({ a: ['x', 'y'], b: 'z' })).toEqual(['d:required']);
    expect(check({ b: 'z' })).toEqual(['d:required']);
  });

  it('the problem is a 422 naming the first field and listing all, under answers.', () => {
    const r = validateAnswers(FORM, { ...good, panitia: [{ nama: '', nik: '1472011208900123', peran: 'ketua' }] }, { mode: 'submit', files, today });
    const problem = answersProblem(r.errors);
    expect(problem).toBeInstanceOf(AppError);
    expect([problem.status, problem.code, problem.field]).toEqual([422, 'form_invalid', 'answers.panitia[0].nama']);
    expect(problem.messages.id).toContain('Nama wajib diisi');
    expect(() => checkedAnswers(FORM, good, { mode: 'submit', files, today })).not.toThrow();
  });
});

const version = (over: Partial<ServiceVersion> = {}): ServiceVersion => ({
  form: FORM,
  requirements: [{ key: 'ktp', label: L('KTP'), required: true, kinds: ['pdf', 'image'], maxBytes: 2_000_000 }],
  steps: [
    { key: 'verifikasi', name: L('Verifikasi'), kind: 'review', role: 'opd_officer', workingDays: 1 },
    { key: 'persetujuan', name: L('Persetujuan'), kind: 'approval', role: 'opd_admin', workingDays: 1 },
    { key: 'penerbitan', name: L('Penerbitan'), kind: 'issuance', role: 'opd_officer', workingDays: 1 },
  ],
  output: { title: 'Rekomendasi {{nama_acara}}', body: 'Diberikan kepada {{nama_pemohon}} untuk {{jenis}}.', validMonths: null },
  ...over,
});

describe('form engine: checking a version before it is published', () => {
  it('a sound version has no problems', () => {
    expect(versionProblems(version(), 5)).toEqual([]);
  });

  it('names duplicate keys, selects without choices, conditions on later or unknown fields, nested groups and files in groups', () => {
    const form: FormDefinition = {
      fields: [
        { key: 'a', type: 'text', label: L('A'), when: { field: 'b', equals: 'x' } },
        { key: 'b', type: 'select', label: L('B'), options: [] },
        { key: 'a', type: 'text', label: L('A2') },
        { key: 'g', type: 'group', label: L('G'), fields: [{ key: 'h', type: 'group', label: L('H'), fields: [{ key: 'i', type: 'text', label: L('I') }] }, { key: 'f', type: 'file', label: L('F') }] },
        { key: 'n', type: 'number', label: L('N'), min: 5, max: 1 },
        { key: 't', type: 'text', label: L('T'), repeatable: { min: 1, max: 2 } },
      ],
    };
    const codes = versionProblems(version({ form, output: { title: 'x', body: '', validMonths: null } }), 5).map((e) => `${e.field}:${e.code}`);
    expect(codes).toEqual([
      'form.fields[0].when:condition_field',
      'form.fields[1].options:options_required',
      'form.fields[2].key:duplicate_key',
      'form.fields[3].fields[0].type:nested_group',
      'form.fields[3].fields[1].type:file_in_group',
      'form.fields[4].min:bounds',
      'form.fields[5].fields:not_a_group',
    ]);
  });

  it('steps go review… → approval → issuance within the standard time; placeholders come from the form', () => {
    const steps = version().steps;
    const codes = (v: ServiceVersion, days = 5) => versionProblems(v, days).map((e) => `${e.field}:${e.code}`);
    expect(codes(version({ steps: [steps[1]!, steps[0]!, steps[2]!] }))).toEqual(['steps:step_order']);
    expect(codes(version(), 2)).toEqual(['steps:steps_exceed_standard']);
    expect(codes(version({ output: { title: '{{tidak_ada}}', body: '', validMonths: 12 } }))).toEqual(['output.body:unknown_placeholder']);
    expect(codes(version({ requirements: [{ key: 'denah', label: L('x'), required: true, kinds: [], maxBytes: 20_000_000 }] }))).toEqual([
      'requirements[0].key:duplicate_key',
      'requirements[0].kinds:kinds_required',
      'requirements[0].maxBytes:too_large',
    ]);
  });
});
