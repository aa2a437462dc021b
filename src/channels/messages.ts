/**
 * What the bot says, in plain Indonesian for a cheap phone: short lines, numbered choices, one
 * question at a time. (Residents write to the city's number in Indonesian; these are not shown in the
 * web app, so they have no English twin.)
 */
import type { LatestStep } from '../aduan/index.js';

const wib = (d: Date) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

/** A long story shortened in the summary, so the question after it still fits an SMS. */
const brief = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

const numbered = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

export const BOT = {
  welcome: (city: string, khidmat: readonly string[]) =>
    `Selamat datang di layanan pengaduan ${city}.\n\nPilih kategori laporan Anda (balas dengan angka):\n${numbered(khidmat)}\n\n` +
    'Ketik STATUS <nomor laporan> untuk melihat perkembangan laporan, BATAL untuk membatalkan, BERHENTI agar tidak menerima pesan lagi.',
  categories: (khidmat: string, subs: readonly string[]) => `${khidmat}. Pilih jenisnya (balas dengan angka):\n${numbered(subs)}\n\n0. Kembali`,
  badChoice: (max: number) => `Maaf, balas dengan angka 1 sampai ${max}.`,
  askDescription: 'Ceritakan masalahnya: apa yang terjadi dan sejak kapan (paling sedikit 10 huruf).',
  shortDescription: 'Ceritanya terlalu singkat. Mohon jelaskan sedikit lebih lengkap (paling sedikit 10 huruf).',
  askPhoto: 'Kirim satu foto masalahnya. Jika tidak ada foto, balas LEWATI.',
  badPhoto: 'Foto tidak dapat diterima (hanya foto JPEG, PNG atau WebP, paling besar 10 MB). Kirim foto lain, atau balas LEWATI.',
  askLocation: (sms: boolean) =>
    sms ? 'Di kelurahan mana lokasinya? Tulis nama kelurahannya.' : 'Di mana lokasinya? Bagikan lokasi (📎 › Lokasi), atau tulis nama kelurahannya.',
  outsideCity: (city: string) => `Lokasi itu berada di luar ${city}. Bagikan lokasi lain, atau tulis nama kelurahannya.`,
  askKelurahanAtPoint: 'Lokasi diterima. Di kelurahan mana itu? Tulis nama kelurahannya.',
  unknownKelurahan: (suggestions: readonly string[]) =>
    suggestions.length ? `Kelurahan itu tidak kami kenal. Maksud Anda salah satu ini?\n${suggestions.join('\n')}` : 'Kelurahan itu tidak kami kenal. Periksa ejaannya dan tulis lagi.',
  confirm: (d: { category: string; description: string; photo: boolean | null; place: string }) =>
    `Periksa laporan Anda:\nKategori: ${d.category}\nLokasi: ${d.place}\n${d.photo === null ? '' : `Foto: ${d.photo ? 'ada' : 'tidak ada'}\n`}Cerita: ${brief(d.description)}\n\n` +
    'Balas 1 (YA) untuk mengirim, atau 2 (ULANG) untuk mengulang dari awal.',
  askYesNo: 'Balas 1 (YA) untuk mengirim, atau 2 (ULANG) untuk mengulang dari awal.',
  filed: (trackingNumber: string) =>
    `Terima kasih, laporan Anda sudah kami terima dengan nomor ${trackingNumber}.\nSimpan nomor ini. Ketik STATUS ${trackingNumber} kapan saja untuk melihat perkembangannya; kabar berikutnya kami kirim ke nomor ini.`,
  refused: (reason: string) => `Laporan belum dapat dikirim: ${reason}\nBalas 2 (ULANG) untuk mengulang dari awal.`,
  cancelled: 'Laporan dibatalkan. Kirim pesan apa saja untuk memulai lagi.',
  resumed: 'Anda akan menerima pesan dari kami lagi.',
  status: (s: LatestStep) =>
    `Laporan ${s.trackingNumber}\nStatus: ${s.status.id}\nLangkah terakhir: ${s.step.id} (${wib(s.at)})${s.message ? `\n${s.message}` : ''}`,
  statusUnknown: (trackingNumber: string) => `Laporan ${trackingNumber} tidak ditemukan, atau belum dapat dilihat umum.`,
  linked: (numbers: readonly string[]) =>
    `Nomor ini sekarang terhubung dengan akun Anda.${numbers.length ? ` Laporan ${numbers.join(', ')} kini tampil di akun Anda.` : ''}`,
  badLink: 'Kode penghubung akun tidak berlaku atau sudah kedaluwarsa. Minta kode baru di halaman akun Anda.',
};
