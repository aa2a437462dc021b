/**
 * Satu Data's bench rows: CKAN package_search with a query and two facets over 10,000 published
 * datasets (goal p95 ≤ 50 ms), and one 1,000,000-row CSV version checked and stored through the
 * real upload (goal: the server's peak RSS ≤ 300 MB). The datasets are written straight into the
 * tables (the bench is about the reads, not about 10,000 steward decisions) and removed after.
 */
import type pg from 'pg';
import { load, type LoadResult } from './load.js';
import { peakRssMb } from './startup.js';

export interface SatudataResult {
  datasets: number;
  search: LoadResult;
  upload: { rows: number; megabytes: number; seconds: number; status: number; peakRssMb: number };
}

const WORDS = ['jalan', 'penduduk', 'sekolah', 'sampah', 'puskesmas', 'pengaduan', 'air bersih', 'kemiskinan'];
const TOPICS = ['infrastruktur', 'kependudukan', 'pendidikan', 'lingkungan', 'kesehatan', 'pelayanan-publik', 'sosial', 'ekonomi'];

async function seedDatasets(db: pg.Pool, n: number): Promise<void> {
  // One published version with one file each: what package_search dictizes for every result.
  await db.query(
    `with opd as (select array_agg(id order by id) ids from opds where active),
     ds as (
       insert into satudata_datasets (name, title, description, opd_id, topic, frequency, period, unit, variables, contact_name, contact_email, tags, region_codes, years, formats)
       select 'bench-' || i, 'Data ' || ($2::text[])[1 + i % 8] || ' seri ' || i, 'Data ' || ($2::text[])[1 + (i / 8) % 8] || ' per kelurahan, seri ' || i,
              (select ids[1 + i % array_length(ids, 1)] from opd), ($3::text[])[1 + i % 8], 'tahunan', '2020–2025', 'unit',
              '[{"name":"tahun","label":"Tahun","definition":"Tahun.","type":"year"},{"name":"jumlah","label":"Jumlah","definition":"Jumlah.","type":"integer"}]',
              'Bench', 'bench@bench.invalid', array[($2::text[])[1 + i % 8]], array['14.72'], array[2020 + i % 6], array['CSV']
       from generate_series(1, $1::int) i
       returning id, name),
     v as (
       insert into satudata_versions (dataset_id, number, status, note, variables, summary, submitted_at, decided_at, published_at)
       select id, 1, 'published', 'Bench', '[]', '{"rowCount":0,"totals":{},"years":[],"regionCodes":[],"preview":[],"series":null}', now(), now(), now() from ds
       returning id, dataset_id)
     insert into satudata_resources (version_id, name, format, mime, file_key, bytes, sha256, position)
     select v.id, 'data.csv', 'CSV', 'text/csv', 'satudata/bench/' || v.id || '.csv', 1000, repeat('0', 64), 0 from v`,
    [n, WORDS, TOPICS],
  );
  await db.query(`update satudata_datasets d set published_version_id = v.id, published_at = now() from satudata_versions v where v.dataset_id = d.id and d.name like 'bench-%'`);
  await db.query('vacuum (analyze) satudata_datasets, satudata_versions, satudata_resources');
}

async function removeDatasets(db: pg.Pool): Promise<void> {
  const bench = `(select id from satudata_datasets where name like 'bench-%')`;
  await db.query(`delete from satudata_resources where version_id in (select id from satudata_versions where dataset_id in ${bench})`);
  await db.query(`delete from satudata_events where dataset_id in ${bench}`);
  await db.query(`delete from satudata_versions where dataset_id in ${bench}`);
  await db.query(`delete from satudata_datasets where name like 'bench-%'`);
}

/** A kelurahan-level table: year, Kemendagri code, a count — ~30 bytes a row. */
function millionRows(codes: string[], rows: number): Blob {
  const parts: string[] = ['tahun,kode_kelurahan,jumlah\n'];
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j++) chunk += `${2000 + (j % 26)},${codes[j % codes.length]},${j % 997}\n`;
    parts.push(chunk);
  }
  return new Blob(parts, { type: 'text/csv' });
}

export async function satudataRows(opts: {
  db: pg.Pool;
  base: string;
  serverPid: number;
  seconds: number;
  connections: number;
  token: string;
  say: (line: string) => void;
  datasets?: number;
  uploadRows?: number;
}): Promise<SatudataResult> {
  const { db, base, say } = opts;
  const n = opts.datasets ?? 10_000;
  const uploadRows = opts.uploadRows ?? 1_000_000;
  await removeDatasets(db);
  say(`Satu Data: ${n} datasets…`);
  await seedDatasets(db, n);
  try {
    const facets = encodeURIComponent('["organization","groups"]');
    const next = (i: number) => ({ path: `/api/3/action/package_search?q=${encodeURIComponent(WORDS[i % WORDS.length]!)}&facet.field=${facets}&rows=10&start=${(i % 3) * 10}` });
    await load({ name: 'warm-up', url: base, connections: 2, seconds: 1, next });
    say('Satu Data: package_search with a query and two facets…');
    const search = await load({ name: `CKAN package_search (q + 2 facets, ${n} datasets)`, url: base, connections: opts.connections, seconds: opts.seconds, next });

    say(`Satu Data: a ${uploadRows}-row CSV version…`);
    const codes = (await db.query<{ code: string }>('select code from kelurahan order by code')).rows.map((r) => r.code);
    const name = 'bench-upload';
    await db.query(
      `insert into satudata_datasets (name, title, description, opd_id, topic, frequency, period, unit, variables, contact_name, contact_email)
       values ($1, 'Bench upload', 'A million-row table', (select id from opds where code = 'PUPR'), 'sosial', 'tahunan', '2000–2025', 'jiwa', $2, 'Bench', 'bench@bench.invalid')`,
      [name, JSON.stringify([
        { name: 'tahun', label: 'Tahun', definition: 'Tahun.', type: 'year' },
        { name: 'kode_kelurahan', label: 'Kelurahan', definition: 'Kode Kemendagri.', type: 'region_code' },
        { name: 'jumlah', label: 'Jumlah', definition: 'Jumlah.', type: 'integer' },
      ])],
    );
    const file = millionRows(codes, uploadRows);
    const form = new FormData();
    form.append('note', 'Bench: a million rows');
    form.append('file', file, 'sejuta.csv');
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/data/datasets/${name}/versions`, { method: 'POST', headers: { authorization: `Bearer ${opts.token}` }, body: form });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (res.status !== 201) say(`upload answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    else await res.arrayBuffer();
    const upload = { rows: uploadRows, megabytes: Math.round(file.size / 1024 / 1024), seconds, status: res.status, peakRssMb: peakRssMb(opts.serverPid) };
    say(`Satu Data: search p95 ${search.p95} ms; upload ${upload.megabytes} MB in ${seconds} s, server peak RSS ${upload.peakRssMb} MB`);
    return { datasets: n, search, upload };
  } finally {
    await removeDatasets(db);
  }
}

const SEARCH_GOAL_MS = 50;
const UPLOAD_GOAL_MB = 300;

export function satudataMarkdown(r: SatudataResult): string[] {
  return [
    '### Satu Data',
    '',
    '| row | figure | goal |',
    '| --- | --- | --- |',
    `| ${r.search.name}, ${r.search.connections} connections | ${r.search.rps} req/s, p50 ${r.search.p50} ms, p95 ${r.search.p95} ms, ${r.search.failures} failures | p95 ≤ ${SEARCH_GOAL_MS} ms ${r.search.p95 <= SEARCH_GOAL_MS ? 'met' : 'missed'} |`,
    `| a ${r.upload.rows.toLocaleString('en')}-row CSV version (${r.upload.megabytes} MB) checked and stored | HTTP ${r.upload.status} in ${r.upload.seconds} s, server peak RSS ${r.upload.peakRssMb} MB | ≤ ${UPLOAD_GOAL_MB} MB ${r.upload.status === 201 && r.upload.peakRssMb <= UPLOAD_GOAL_MB ? 'met' : 'missed'} |`,
    '',
  ];
}
