/**
 * The portal's bench rows (issue 19): the public list of one kind and the Indonesian full-text
 * search, anonymous, over 50,000 published items (goal p95 ≤ 50 ms each). The items are written
 * straight into the table (the bench is about the reads, not 50,000 checker decisions) with text
 * drawn from a fixed Indonesian vocabulary, and removed after.
 */
import type pg from 'pg';
import { load, type LoadResult } from './load.js';

export interface PortalResult {
  items: number;
  list: LoadResult;
  search: LoadResult;
}

const KINDS = ['berita', 'pengumuman', 'gangguan', 'klarifikasi'];
// Everyday words of a city's news (about 200). Each item draws 41 of them (title, summary, body) beside 83 rarer ones, so one of
// these words is in about a fifth of the items, as 'jalan' would be on a city's portal: the searches are of common words.
const VOCABULARY = (
  'jalan jembatan drainase banjir sampah listrik air bersih puskesmas sekolah guru siswa beasiswa pasar pedagang harga beras minyak ' +
  'kelurahan kecamatan camat lurah wali kota wakil sekda dinas pelayanan perizinan kependudukan akta kelahiran kartu keluarga ktp ' +
  'pajak retribusi anggaran apbd pembangunan perbaikan pemeliharaan lampu penerangan taman hutan kebakaran asap pelabuhan kapal ' +
  'nelayan ikan pertanian pupuk kesehatan imunisasi posyandu stunting gizi bansos bantuan sosial lansia disabilitas pemuda olahraga ' +
  'festival budaya pariwisata pantai masjid gereja vihara ramadan idulfitri natal tahun baru libur cuti bersama upacara hari jadi ' +
  'penghargaan lomba pelatihan umkm koperasi investasi industri kilang minyak gas tenaga kerja lowongan pengangguran transportasi ' +
  'angkot bus terminal parkir lalu lintas kecelakaan polisi pemadam bencana gempa angin puting beliung longsor abrasi mangrove ' +
  'internet jaringan server aplikasi website whatsapp pengaduan laporan warga survei kepuasan informasi publik data statistik'
).split(' ');

/** Syllables of the long tail: names of people, places and things, rare words (3,375 of them). */
const SYLLABLES = ['ba', 'ku', 'ri', 'sa', 'to', 'me', 'na', 'di', 'lo', 'ga', 'pu', 'he', 'ja', 'wi', 'se'];

async function seedItems(db: pg.Pool, n: number): Promise<void> {
  // Words by a fixed hash of the item, the field and the position: the same text in every run.
  const h = (salt: number) => `abs(hashint4(i * 7919 + w * 131 + ${salt}))`;
  const common = (salt: number) => `($2::text[])[1 + ${h(salt)} % array_length($2::text[], 1)]`;
  const tail = (salt: number) => [0, 1, 2].map((k) => `($4::text[])[1 + (${h(salt)} / ${15 ** k}) % 15]`).join(' || ');
  const words = (commonCount: number, tailCount: number, salt: number) =>
    `(select string_agg(case when w <= ${commonCount} then ${common(salt)} else ${tail(salt)} end, ' ') from generate_series(1, ${commonCount + tailCount}) w)`;
  await db.query(
    `insert into portal_items (kind, slug, status, title, summary, body, services, since, published_at, created_at, updated_at)
     select ($3::text[])[1 + i % 4], 'bench-' || i, 'published',
            initcap(${words(6, 0, 1)}), ${words(10, 8, 2)} || '.', ${words(25, 75, 3)} || '.',
            case when i % 4 = 2 then array['aduan'] else '{}' end,
            case when i % 4 = 2 then now() - make_interval(mins => i) end,
            now() - make_interval(mins => i * 50), now(), now()
     from generate_series(1, $1::int) i`,
    [n, VOCABULARY, KINDS, SYLLABLES],
  );
  await db.query('vacuum (analyze) portal_items');
}

const removeItems = (db: pg.Pool) => db.query(`delete from portal_items where slug like 'bench-%'`);

export async function portalRows(opts: { db: pg.Pool; base: string; seconds: number; connections: number; say: (line: string) => void; items?: number }): Promise<PortalResult> {
  const { db, base, say } = opts;
  const n = opts.items ?? 50_000;
  await removeItems(db);
  say(`Portal: ${n} published items…`);
  await seedItems(db, n);
  try {
    // A kind's list, its first pages; and searches of one or two words, with the kind or across all.
    const list = (i: number) => ({ path: `/api/v1/portal/items?kind=${KINDS[i % 4]}&limit=10&offset=${(Math.floor(i / 4) % 5) * 10}` });
    const search = (i: number) => {
      const words = i % 3 === 0 ? `${VOCABULARY[(i * 7) % VOCABULARY.length]} ${VOCABULARY[(i * 13) % VOCABULARY.length]}` : VOCABULARY[(i * 7) % VOCABULARY.length]!;
      return { path: `/api/v1/portal/items?q=${encodeURIComponent(words)}${i % 2 ? `&kind=${KINDS[i % 4]}` : ''}&limit=10` };
    };
    for (const next of [list, search]) await load({ name: 'warm-up', url: base, connections: 2, seconds: 1, next });
    say('Portal: public list…');
    const listed = await load({ name: `portal list of a kind (${n.toLocaleString('en')} items)`, url: base, connections: opts.connections, seconds: opts.seconds, next: list });
    say('Portal: full-text search…');
    const searched = await load({ name: `portal full-text search (${n.toLocaleString('en')} items)`, url: base, connections: opts.connections, seconds: opts.seconds, next: search });
    say(`Portal: list p95 ${listed.p95} ms, search p95 ${searched.p95} ms`);
    return { items: n, list: listed, search: searched };
  } finally {
    await removeItems(db);
  }
}

const GOAL_MS = 50;

export function portalMarkdown(r: PortalResult): string[] {
  const row = (l: LoadResult) => `| ${l.name}, ${l.connections} connections | ${l.rps} req/s, p50 ${l.p50} ms, p95 ${l.p95} ms, ${l.failures} failures | p95 ≤ ${GOAL_MS} ms ${l.p95 <= GOAL_MS && !l.failures ? 'met' : 'missed'} |`;
  return ['### Portal', '', '| row | figure | goal |', '| --- | --- | --- |', row(r.list), row(r.search), ''];
}
