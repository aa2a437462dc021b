import { expect, it } from 'vitest';
import jsonld from 'jsonld';
import { describeEachDatabase } from '../test/harness.js';
import { createDataset, ROAD_CSV, roads, step, submit } from './test-fixtures.js';

/** The keys CKAN 2.10's package_dictize gives every dataset, and resource_dictize every resource. */
const PACKAGE_KEYS = [
  'author', 'author_email', 'creator_user_id', 'extras', 'groups', 'id', 'isopen', 'license_id', 'license_title', 'license_url', 'maintainer', 'maintainer_email',
  'metadata_created', 'metadata_modified', 'name', 'notes', 'num_resources', 'num_tags', 'organization', 'owner_org', 'private', 'relationships_as_object',
  'relationships_as_subject', 'resources', 'state', 'tags', 'title', 'type', 'url', 'version',
];
const RESOURCE_KEYS = ['cache_last_updated', 'cache_url', 'created', 'datastore_active', 'description', 'format', 'hash', 'id', 'last_modified', 'metadata_modified', 'mimetype', 'mimetype_inner', 'name', 'package_id', 'position', 'resource_type', 'size', 'state', 'url', 'url_type'];
const CKAN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

describeEachDatabase('satudata: CKAN action API and DCAT', (h) => {
  const published: string[] = [];

  it('publishes datasets of two OPDs to harvest', async () => {
    const steward = await h().staff('walidata', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const dlh = await h().staff('opd_officer', 'DLH');
    for (let i = 0; i < 7; i++) {
      const [token, extra] = i % 2 ? [dlh.token, { topic: 'lingkungan', tags: ['sampah'], title: `Timbulan sampah per kecamatan seri ${i}` }] : [pupr.token, { title: `Panjang jalan kota menurut kondisi seri ${i}` }];
      const name = await createDataset(h, token, roads({ name: `data-uji-${i}`, ...extra }));
      const sent = await submit(h, token, name, ROAD_CSV);
      expect((await step(h, steward.token, name, sent.body.number, 'accept')).status).toBe(200);
      published.push(name);
    }
    // Not published: never harvested.
    await createDataset(h, pupr.token, roads({ name: 'data-draf' }));
  });

  it('a CKAN-shaped client walks package_search page by page and package_shows every dataset', async () => {
    const status = await h().call('GET', '/api/3/action/status_show');
    expect(status.body).toMatchObject({ success: true, help: expect.stringMatching(/\/api\/3\/action\/help_show\?name=status_show$/), result: { ckan_version: expect.any(String), locale_default: 'id' } });
    const names = await h().call('GET', '/api/3/action/package_list');
    expect(names.body.result).toEqual([...published].sort());

    // As ckanapi does it: POST with a JSON body, `rows` and `start` until `count`.
    const seen: string[] = [];
    let count = Infinity;
    for (let start = 0; start < count; start += 3) {
      const page = await h().call('POST', '/api/3/action/package_search', { body: { q: '', rows: 3, start, sort: 'name asc', 'facet.field': ['organization', 'groups', 'tags', 'res_format'] } });
      expect(page.status, page.text).toBe(200);
      expect(Object.keys(page.body.result).sort()).toEqual(['count', 'facets', 'results', 'search_facets', 'sort']);
      count = page.body.result.count;
      expect(page.body.result.results.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.result.results.map((p: { name: string }) => p.name));
      expect(page.body.result.facets.organization).toEqual({ pupr: 4, dlh: 3 });
      expect(page.body.result.search_facets.groups.items).toEqual(expect.arrayContaining([{ name: 'lingkungan', display_name: 'Lingkungan hidup', count: 3 }]));
    }
    expect(seen).toEqual([...published].sort());

    for (const name of seen) {
      const show = await h().call('GET', `/api/3/action/package_show?id=${name}`);
      expect(show.status).toBe(200);
      const pkg = show.body.result;
      expect(Object.keys(pkg).sort()).toEqual([...PACKAGE_KEYS].sort());
      expect(pkg).toMatchObject({ name, type: 'dataset', state: 'active', private: false, license_id: 'cc-by', isopen: true, num_resources: 1, version: '1' });
      expect(pkg.metadata_modified).toMatch(CKAN_TIME);
      expect(pkg.organization).toMatchObject({ name: pkg.owner_org, is_organization: true, type: 'organization', state: 'active' });
      expect(pkg.tags[0]).toEqual({ id: expect.any(String), name: pkg.tags[0].name, display_name: pkg.tags[0].name, state: 'active', vocabulary_id: null });
      const resource = pkg.resources[0];
      expect(Object.keys(resource).sort()).toEqual([...RESOURCE_KEYS].sort());
      expect(resource).toMatchObject({ package_id: pkg.id, format: 'CSV', url_type: 'upload', position: 0 });
      // The same dataset by its id; its resource by resource_show, downloadable at its url.
      expect((await h().call('GET', `/api/3/action/package_show?id=${pkg.id}`)).body.result.name).toBe(name);
      expect((await h().call('GET', `/api/3/action/resource_show?id=${resource.id}`)).body.result).toEqual(resource);
      const file = await h().call('GET', new URL(resource.url).pathname);
      expect(file.text).toBe(ROAD_CSV);
    }
  });

  it('filters, facets and sorts like package_search, and errs in CKAN’s shapes', async () => {
    const fq = await h().call('GET', `/api/3/action/package_search?q=sampah&fq=${encodeURIComponent('organization:dlh +tags:"sampah"')}&facet.field=${encodeURIComponent('["groups","year"]')}&rows=2`);
    expect(fq.body.result).toMatchObject({ count: 3, sort: 'score desc, metadata_modified desc', facets: { groups: { lingkungan: 3 }, year: { 2024: 3, 2025: 3 } } });
    expect(fq.body.result.results).toHaveLength(2);
    expect((await h().call('GET', '/api/3/action/package_search?q=name:data-uji-0')).body.result.count).toBe(1);
    expect((await h().call('GET', '/api/3/action/package_search?fq=groups:infrastruktur&sort=title_string%20desc')).body.result.results.map((p: { name: string }) => p.name)).toEqual([
      'data-uji-6', 'data-uji-4', 'data-uji-2', 'data-uji-0',
    ]);
    expect((await h().call('GET', '/api/3/action/organization_list')).body.result).toEqual(expect.arrayContaining(['pupr', 'dlh', 'dinsos']));
    const orgs = await h().call('GET', '/api/3/action/organization_list?all_fields=true&sort=package_count%20desc&limit=2');
    expect(orgs.body.result.map((o: { name: string; package_count: number }) => [o.name, o.package_count])).toEqual([['pupr', 4], ['dlh', 3]]);
    const org = await h().call('GET', '/api/3/action/organization_show?id=dlh&include_datasets=true');
    expect(org.body.result).toMatchObject({ name: 'dlh', package_count: 3, packages: [{ name: 'data-uji-1' }, { name: 'data-uji-3' }, { name: 'data-uji-5' }] });
    expect((await h().call('GET', '/api/3/action/group_list')).body.result).toContain('lingkungan');
    expect((await h().call('GET', '/api/3/action/tag_list?query=sam')).body.result).toEqual(['sampah']);

    const missing = await h().call('GET', '/api/3/action/package_show?id=data-draf');
    expect([missing.status, missing.body.success, missing.body.error]).toEqual([404, false, { __type: 'Not Found Error', message: 'Not found' }]);
    const noId = await h().call('POST', '/api/3/action/package_show', { body: {} });
    expect([noId.status, noId.body.error]).toEqual([409, { __type: 'Validation Error', id: ['Missing value'] }]);
    const rows = await h().call('GET', '/api/3/action/package_search?rows=many');
    expect([rows.status, rows.body.error]).toEqual([409, { __type: 'Validation Error', rows: ['Invalid integer'] }]);
    const field = await h().call('GET', '/api/3/action/package_search?fq=colour:red');
    expect([field.status, field.body.error.__type]).toEqual([400, 'Search Query Error']);
    const unknown = await h().call('GET', '/api/3/action/package_create');
    expect([unknown.status, unknown.body]).toEqual([400, 'Bad request - Action name not known: package_create']);
  });

  it('publishes a DCAT catalogue that parses as JSON-LD', async () => {
    const res = await h().call('GET', '/catalog.jsonld');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    const doc = JSON.parse(res.text);
    const expanded = await jsonld.expand(doc);
    const catalog = expanded.find((n) => (n['@type'] as string[]).includes('http://www.w3.org/ns/dcat#Catalog'))!;
    const datasets = catalog['http://www.w3.org/ns/dcat#dataset'] as Record<string, unknown>[];
    expect(datasets).toHaveLength(published.length);
    const one = datasets.find((d) => String(d['@id']).endsWith('/data/data-uji-0'))!;
    expect(one['@type']).toEqual(['http://www.w3.org/ns/dcat#Dataset']);
    expect(one['http://purl.org/dc/terms/license']).toEqual([{ '@id': 'https://creativecommons.org/licenses/by/4.0/' }]);
    const dist = (one['http://www.w3.org/ns/dcat#distribution'] as Record<string, unknown>[])[0]!;
    expect(dist['http://www.w3.org/ns/dcat#downloadURL']).toEqual([{ '@id': expect.stringMatching(/\/api\/v1\/data\/resources\/[0-9a-f-]{36}\/download$/) }]);
    const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads' });
    expect(nquads).toContain('<http://www.w3.org/ns/dcat#Dataset>');
  });
});
