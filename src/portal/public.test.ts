import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { describeEachDatabase } from '../test/harness.js';
import { disruption, draft, published, step } from './test-fixtures.js';

// The served page is the built app's index.html; the repository's own stands in for the build.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-portal-web-'));
fs.copyFileSync(new URL('../../web/index.html', import.meta.url), path.join(webDir, 'index.html'));

const EVIL = `Banjir <script>alert("x")</script> & 'kutipan'`;
const news = (title: string, body: string, extra: Record<string, unknown> = {}) => ({ kind: 'berita', title, summary: `Ringkasan: ${title}`, body, ...extra });

describeEachDatabase(
  'portal: public list, Indonesian search, feeds and sharing tags',
  (h) => {
    let ids: number[] = [];
    const setup = async () => {
      if (ids.length) return;
      const editor = (await h().staff('portal_editor', 'DISKOMINFOTIKSAN')).token;
      const checker = (await h().staff('portal_checker', 'DISKOMINFOTIKSAN')).token;
      const items = [
        news('Pemadaman listrik bergilir di Kecamatan Dumai Barat', 'PLN mengumumkan jadwal pemadaman bergilir selama perbaikan gardu.'),
        news('Perbaikan jalan Sultan Syarif Kasim selesai', 'Jalan yang berlubang sudah diperbaiki; listrik penerangan jalan juga menyala lagi.'),
        news(EVIL, 'Isi dengan <img src=x onerror=alert(1)> yang harus tetap teks.'),
        { kind: 'pengumuman', title: 'Pengumuman libur pelayanan akhir tahun', summary: 'Pelayanan tatap muka tutup pada hari libur nasional.', body: 'Pelayanan daring tetap buka.' },
        disruption(),
        { kind: 'klarifikasi', title: 'Klarifikasi pesan berantai bansos', summary: 'Pesan berantai pendaftaran bansos lewat tautan adalah hoaks.', claim: 'Pendaftaran bansos lewat tautan dengan biaya administrasi.', verdict: 'hoaks', body: 'Dinas Sosial tidak memungut biaya.', sources: [{ title: 'Dinas Sosial', url: 'https://dinsos.dumaikota.go.id/' }] },
      ];
      for (const item of items) {
        ids.push(await published(h, editor, checker, item));
        h().setNow(new Date(h().now().getTime() + 60_000));
      }
      // A draft never shows, whatever it says.
      await h().call('POST', '/api/v1/portal/drafts', { token: editor, body: news('Draf rahasia tentang pemadaman', 'Belum diperiksa, belum terbit.') });
    };

    it('lists each kind newest first with paging, and searches in Indonesian, best match first', async () => {
      await setup();
      const all = await h().call('GET', '/api/v1/portal/items?limit=4');
      expect(all.body).toMatchObject({ hasMore: true, limit: 4, offset: 0 });
      expect((await h().call('GET', '/api/v1/portal/items?limit=4&offset=4')).body).toMatchObject({ items: [{ kind: 'berita' }, { kind: 'berita' }], hasMore: false });
      expect(all.body.items.map((i: { kind: string }) => i.kind)).toEqual(['klarifikasi', 'gangguan', 'pengumuman', 'berita']);
      const berita = await h().call('GET', '/api/v1/portal/items?kind=berita&limit=2&offset=1');
      expect(berita.body.hasMore).toBe(false);
      expect(berita.body.items.map((i: { title: string }) => i.title)).toEqual(['Perbaikan jalan Sultan Syarif Kasim selesai', 'Pemadaman listrik bergilir di Kecamatan Dumai Barat']);

      const titles = async (q: string, kind = '') => (await h().call('GET', `/api/v1/portal/items?q=${encodeURIComponent(q)}${kind}`)).body.items.map((i: { title: string }) => i.title);
      // "padam" finds "pemadaman" (the stemmer), never the unpublished draft.
      expect((await titles('padam')).sort()).toEqual(['Pemadaman listrik bergilir di Kecamatan Dumai Barat', 'Pemadaman listrik di Kantor Kelurahan Bukit Datuk']);
      // A title match ranks above a body match, though older.
      expect(await titles('listrik', '&kind=berita')).toEqual(['Pemadaman listrik bergilir di Kecamatan Dumai Barat', 'Perbaikan jalan Sultan Syarif Kasim selesai']);
      expect(await titles('listrik', '&kind=gangguan')).toEqual(['Pemadaman listrik di Kantor Kelurahan Bukit Datuk']);
      const paged = await h().call('GET', '/api/v1/portal/items?q=listrik&limit=1&offset=1');
      expect(paged.body).toMatchObject({ items: [{ title: 'Pemadaman listrik bergilir di Kecamatan Dumai Barat' }], hasMore: true });
      expect(await titles('pelayanan libur')).toEqual(['Pengumuman libur pelayanan akhir tahun']);
      // The claim is searched too; a word nowhere finds nothing.
      expect(await titles('biaya administrasi')).toEqual(['Klarifikasi pesan berantai bansos']);
      expect(await titles('gempa')).toEqual([]);

      const item = await h().call('GET', '/api/v1/portal/items/klarifikasi/klarifikasi-pesan-berantai-bansos');
      expect(item.body).toMatchObject({ verdict: { code: 'hoaks', label: { id: 'Hoaks' } }, claim: expect.stringContaining('bansos'), sources: [{ url: 'https://dinsos.dumaikota.go.id/' }] });
      for (const q of ['?kind=video', '?limit=0', `?q=${'a'.repeat(201)}`]) {
        const bad = await h().call('GET', `/api/v1/portal/items${q}`);
        expect([bad.status, bad.body.code], q).toEqual([400, 'validation_failed']);
      }
    });

    it('serves RSS 2.0 and Atom that parse as XML, with the published items, escaped', async () => {
      await setup();
      const parser = new XMLParser({ ignoreAttributes: false });
      const rss = await h().call('GET', '/portal/rss.xml');
      expect(rss.status).toBe(200);
      expect(rss.headers.get('content-type')).toContain('application/rss+xml');
      expect(XMLValidator.validate(rss.text)).toBe(true);
      const channel = parser.parse(rss.text).rss.channel;
      expect(channel.item.map((i: { title: string }) => i.title)).toEqual([
        'Klarifikasi pesan berantai bansos',
        'Pemadaman listrik di Kantor Kelurahan Bukit Datuk',
        'Pengumuman libur pelayanan akhir tahun',
        EVIL,
        'Perbaikan jalan Sultan Syarif Kasim selesai',
        'Pemadaman listrik bergilir di Kecamatan Dumai Barat',
      ]);
      expect(channel.item[0].link).toBe(`${h().baseUrl}/klarifikasi-hoaks/klarifikasi-pesan-berantai-bansos`);
      // The body is escaped text inside the HTML content: the payload is never markup.
      const evil = channel.item[3];
      expect(evil['content:encoded']).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(evil['content:encoded']).not.toContain('<img');

      const atom = await h().call('GET', '/portal/atom.xml?kind=gangguan');
      expect(atom.headers.get('content-type')).toContain('application/atom+xml');
      expect(XMLValidator.validate(atom.text)).toBe(true);
      const feed = parser.parse(atom.text).feed;
      expect(feed.entry.title['#text'] ?? feed.entry.title).toBe('Pemadaman listrik di Kantor Kelurahan Bukit Datuk');
      expect((await h().call('GET', '/portal/rss.xml?kind=semua')).status).toBe(400);
    });

    it('serves an item’s page with its own Open Graph tags and feed links, escaped', async () => {
      await setup();
      const page = async (p: string) => {
        const res = await h().call('GET', p, { headers: { accept: 'text/html' } });
        expect(res.status, p).toBe(200);
        return res.text;
      };
      const slug = (await h().call('GET', '/api/v1/portal/items?kind=berita&q=banjir')).body.items[0].slug as string;
      const html = await page(`/berita/${slug}`);
      expect(html).toContain(`<meta property="og:title" content="Banjir &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;kutipan&#39; — Portal Kota Dumai" />`);
      expect(html).toContain(`<meta property="og:url" content="${h().baseUrl}/berita/${slug}" />`);
      expect(html).toContain('<meta property="og:type" content="article" />');
      expect(html).toContain(`<meta property="og:description" content="Ringkasan: Banjir &lt;script&gt;`);
      expect(html).not.toContain('<script>alert');
      expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="Berita — Portal Kota Dumai (RSS)" href="${h().baseUrl}/portal/rss.xml?kind=berita" />`);
      expect(html.match(/<title>/g)).toHaveLength(1);
      // The list page links its feeds; an address that is no published item gets the plain app.
      expect(await page('/gangguan')).toContain('href="' + h().baseUrl + '/portal/atom.xml?kind=gangguan"');
      for (const plain of ['/berita/tidak-ada', '/laporan']) expect(await page(plain)).not.toContain('og:title');
    });

    it('shows a photo through the upload pipeline: the desk before publication, everyone after, and in the sharing tags', async () => {
      const editor = await h().staff('portal_editor', 'DISKOMINFOTIKSAN');
      const other = await h().staff('portal_editor', 'DISKOMINFOTIKSAN');
      const checker = await h().staff('portal_checker', 'DISKOMINFOTIKSAN');
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5d3b' } }).jpeg().toBuffer())], { type: 'image/jpeg' }), 'foto.jpg');
      const upload = await h().call('POST', '/api/v1/uploads', { token: editor.token, raw: form });
      expect(upload.status, upload.text).toBe(201);
      const imageId = upload.body.id as string;
      // Another editor's photo is not theirs to take.
      expect((await h().call('POST', '/api/v1/portal/drafts', { token: other.token, body: news('Foto orang lain', 'Isi berita dengan foto.', { imageId }) })).body).toMatchObject({ code: 'image_unknown', field: 'imageId' });
      const id = await draft(h, editor.token, news('Peresmian taman kota', 'Wali Kota meresmikan taman kota baru.', { imageId }));
      const image = `/api/v1/portal/images/${imageId}`;
      expect((await h().call('GET', image)).status).toBe(404);
      expect((await h().call('GET', image, { token: checker.token })).headers.get('content-type')).toBe('image/jpeg');
      for (const action of ['check', 'publish']) expect((await step(h, checker.token, id, action)).status).toBe(200);
      const pub = await h().call('GET', image);
      expect([pub.status, pub.headers.get('cache-control')]).toEqual([200, 'public, max-age=3600']);
      const html = (await h().call('GET', '/berita/peresmian-taman-kota', { headers: { accept: 'text/html' } })).text;
      expect(html).toContain(`<meta property="og:image" content="${h().baseUrl}${image}" />`);
    });
  },
  { webDir },
);
