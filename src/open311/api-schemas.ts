/** Request and response schemas of the Open311 endpoints, named as the GeoReport v2 spec names them. */
import { Type, type TSchema } from 'typebox';
import { Nullable } from '../core/http/schemas.js';
import { FORMATS } from './format.js';

export const tags = ['open311'];

const Format = Type.Enum(FORMATS, { description: 'Response format, the path suffix: .json or .xml' });
export const FormatParams = Type.Object({ format: Format });
export const ServiceParams = Type.Object({ code: Type.String({ maxLength: 40 }), format: Format });
export const RequestParams = Type.Object({ id: Type.String({ maxLength: 40, description: 'Tracking number, e.g. DMI-2026-000123' }), format: Format });
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), format: Format });

/** Accepted on every call by the spec; this server serves one jurisdiction and ignores it. */
const Jurisdiction = Type.Optional(Type.String({ maxLength: 100, description: 'Ignored: one jurisdiction per server' }));
const Text = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, ...(description ? { description } : {}) }));

export const NewRequestBody = Type.Object({
  api_key: Type.Optional(Type.String({ maxLength: 200, description: 'Issued by the city; required' })),
  jurisdiction_id: Jurisdiction,
  service_code: Type.String({ minLength: 1, maxLength: 40, description: 'A service_code from services.{format}' }),
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'Required here (the spec allows an address instead): the point must lie in the city' }),
  long: Type.Number({ minimum: -180, maximum: 180 }),
  address_string: Text(300),
  address_id: Text(100, 'Accepted, not stored: the city has no address register'),
  description: Type.String({ minLength: 10, maxLength: 4000 }),
  // Clients often send every field, empty ones included: an empty email is no email.
  email: Type.Optional(Type.String({ maxLength: 254, pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' })),
  first_name: Text(100),
  last_name: Text(100),
  phone: Text(30),
  device_id: Text(200, 'Accepted, not stored'),
  account_id: Text(200, 'Accepted, not stored: Open311 reporters have no Khidmat account'),
  media_url: Text(2000, 'Accepted, not stored: remote media is never fetched; citizens attach photos through the Khidmat app'),
});

export const RequestsQuery = Type.Object({
  jurisdiction_id: Jurisdiction,
  service_request_id: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated; when given, the other filters are ignored' })),
  service_code: Type.Optional(Type.String({ maxLength: 40, description: 'A service_code, or a group (khidmat) code' })),
  start_date: Type.Optional(Type.String({ format: 'date-time' })),
  end_date: Type.Optional(Type.String({ format: 'date-time', description: 'At most 90 days after start_date; without dates, the last 90 days' })),
  status: Type.Optional(Type.String({ pattern: '^(open|closed)(,(open|closed))*$', description: 'open, closed, or both comma-separated' })),
});

export const JurisdictionQuery = Type.Object({ jurisdiction_id: Jurisdiction });

const Str = Type.String();

export const DiscoverySchema = Type.Object({
  changeset: Str,
  contact: Str,
  key_service: Str,
  endpoints: Type.Array(Type.Object({ specification: Str, url: Str, changeset: Str, type: Str, formats: Type.Array(Str) })),
});

export const ServicesSchema = Type.Array(
  Type.Object({
    service_code: Str,
    service_name: Str,
    description: Str,
    metadata: Type.Boolean(),
    type: Type.Literal('realtime'),
    keywords: Str,
    group: Str,
  }),
);

export const DefinitionSchema = Type.Object({ service_code: Str, attributes: Type.Array(Type.Object({})) });

export const CreatedSchema = Type.Array(
  Type.Object({ service_request_id: Str, token: Str, service_notice: Str, account_id: Type.Null() }),
);

export const TokenSchema = Type.Array(Type.Object({ service_request_id: Str, token: Str }));

export const RequestsSchema = Type.Array(
  Type.Object({
    service_request_id: Str,
    status: Type.Enum(['open', 'closed'] as const),
    status_notes: Nullable(Str),
    service_name: Str,
    service_code: Str,
    description: Str,
    agency_responsible: Nullable(Str),
    service_notice: Str,
    requested_datetime: Str,
    updated_datetime: Str,
    expected_datetime: Nullable(Str),
    address: Str,
    address_id: Type.Null(),
    zipcode: Type.Null(),
    lat: Type.Number(),
    long: Type.Number(),
    media_url: Nullable(Str),
  }),
);

const ErrorsSchema = Type.Array(Type.Object({ code: Type.Integer(), description: Str }));

/** One answer in both formats, so the OpenAPI document shows the JSON shape and the XML twin. */
const answer = (description: string, json: TSchema) => ({
  description,
  content: {
    'application/json': { schema: json },
    'text/xml': { schema: Type.String({ description: 'The same document in XML, element names as in GeoReport v2' }) },
  },
});

/** Response schemas of a route: the success answer and the spec's error list for each error status. */
export function answers(status: number, description: string, json: TSchema, ...errors: number[]) {
  return {
    [status]: answer(description, json),
    ...Object.fromEntries(errors.map((s) => [s, answer('Errors as GeoReport v2 lists them', ErrorsSchema)])),
  };
}
