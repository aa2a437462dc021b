/**
 * The catalogue in DCAT (W3C Data Catalog Vocabulary, with the DCAT-AP shapes European and national
 * harvesters read) as JSON-LD: the catalogue, each published dataset with its publisher (the
 * producer OPD), theme, licence, period, frequency and contact, and a distribution per file of the
 * published version.
 */
import type { AppContext } from '../core/context.js';
import { resourceUrl } from './reads.js';
import { FREQUENCY_URIS, LICENSES, TOPIC_LABELS } from './messages.js';
import * as q from './queries.js';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  'dct:issued': { '@type': 'xsd:dateTime' },
  'dct:modified': { '@type': 'xsd:dateTime' },
  'dcat:byteSize': { '@type': 'xsd:nonNegativeInteger' },
  'dct:license': { '@type': '@id' },
  'dcat:downloadURL': { '@type': '@id' },
  'dcat:accessURL': { '@type': '@id' },
  'dcat:landingPage': { '@type': '@id' },
  'dct:accrualPeriodicity': { '@type': '@id' },
  'vcard:hasEmail': { '@type': '@id' },
};

export async function dcatCatalogue(ctx: AppContext, siteUrl: string) {
  const [rows, opds] = await Promise.all([q.publishedWithVersions(ctx.db), q.allOpds(ctx.db)]);
  const resources = await q.resourcesOf(ctx.db, rows.map((r) => r.version.id));
  const opdById = new Map(opds.map((o) => [o.id, o]));
  const publisher = (id: number) => {
    const o = opdById.get(id);
    return { '@id': `${siteUrl}/data?opd=${encodeURIComponent(o?.code ?? '-')}`, '@type': 'foaf:Organization', 'foaf:name': o?.name ?? '-' };
  };
  return {
    '@context': CONTEXT,
    '@id': `${siteUrl}/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@value': `Satu Data ${ctx.config.city.name}`, '@language': 'id' },
    'dct:description': { '@value': `Data sektoral ${ctx.config.city.name} yang diterbitkan setelah diperiksa walidata.`, '@language': 'id' },
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/IND' },
    'foaf:homepage': { '@id': `${siteUrl}/data` },
    'dcat:dataset': rows.map(({ dataset: ds, version }) => {
      const landing = `${siteUrl}/data/${ds.name}`;
      const frequency = FREQUENCY_URIS[ds.frequency];
      return {
        '@id': landing,
        '@type': 'dcat:Dataset',
        'dct:identifier': ds.uid,
        'dct:title': { '@value': ds.title, '@language': 'id' },
        'dct:description': { '@value': ds.description, '@language': 'id' },
        'dct:publisher': publisher(ds.opdId),
        'dcat:theme': { '@id': `${siteUrl}/data?topic=${ds.topic}`, 'skos:prefLabel': TOPIC_LABELS[ds.topic].id },
        'dcat:keyword': ds.tags,
        'dct:issued': ds.publishedAt?.toISOString(),
        'dct:modified': ds.modifiedAt.toISOString(),
        'dct:temporal': { '@type': 'dct:PeriodOfTime', 'skos:prefLabel': ds.period },
        ...(frequency ? { 'dct:accrualPeriodicity': frequency } : {}),
        'dct:spatial': ds.regionCodes.map((code) => ({ '@type': 'dct:Location', 'skos:notation': code })),
        'dcat:contactPoint': { '@type': 'vcard:Kind', 'vcard:fn': ds.contactName, 'vcard:hasEmail': `mailto:${ds.contactEmail}` },
        'dcat:landingPage': landing,
        'adms:versionNotes': version.note,
        'dcat:version': String(version.number),
        'dcat:distribution': resources
          .filter((r) => r.versionId === version.id)
          .map((r) => ({
            '@id': `${siteUrl}${resourceUrl(r.id)}`,
            '@type': 'dcat:Distribution',
            'dct:title': r.name,
            'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${r.format}` },
            'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${r.mime}` },
            'dcat:byteSize': r.bytes,
            'dcat:downloadURL': `${siteUrl}${resourceUrl(r.id)}`,
            'dcat:accessURL': landing,
            'dct:license': LICENSES[ds.licenseId]?.url ?? ds.licenseId,
            'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' }, 'spdx:checksumValue': r.sha256 },
          })),
        'dct:license': LICENSES[ds.licenseId]?.url ?? ds.licenseId,
      };
    }),
  };
}
