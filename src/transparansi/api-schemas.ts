/** Request and response schemas of the status and transparency API. */
import { Type } from 'typebox';
import { MessageSchema, Nullable } from '../core/http/schemas.js';
import { FIRST_YEAR } from './figures.js';

const Health = Type.Union([Type.Literal('up'), Type.Literal('degraded'), Type.Literal('down'), Type.Literal('unknown')]);
const Instant = Type.String({ format: 'date-time' });

export const StatusSchema = Type.Object({
  builtAt: Instant,
  ageSeconds: Type.Integer({ description: 'How old the snapshot is' }),
  checkSeconds: Type.Integer({ description: 'How often the server checks (STATUS_CHECK_SECONDS, 20 by default): a client polls as often, and a snapshot several checks old means the server is stuck' }),
  overall: Type.Union([Type.Literal('up'), Type.Literal('degraded'), Type.Literal('down')]),
  components: Type.Array(Type.Object({ key: Type.String(), label: MessageSchema, status: Health, detail: Nullable(MessageSchema) })),
  modules: Type.Array(Type.Object({ name: Type.String(), summary: Type.String(), status: Health })),
  disruptions: Type.Array(
    Type.Object({ title: Type.String(), summary: Type.String(), path: Type.String(), services: Type.Array(Type.String()), since: Instant, expectedEnd: Nullable(Instant) }),
  ),
  disruptionsReadAt: Nullable(Instant),
});

export const YearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: FIRST_YEAR, maximum: 2100 })) });

const ShareSchema = Type.Object({ met: Type.Integer(), decided: Type.Integer(), share: Nullable(Type.Number()) });
const OpdRef = Type.Object({ code: Type.String(), name: Type.String() });
const Complaints = { received: Type.Integer(), handled: Type.Integer(), followUpSla: ShareSchema, resolveSla: ShareSchema };
const Ppid = {
  received: Type.Integer(),
  successful: Type.Integer(),
  partiallySuccessful: Type.Integer(),
  rejected: Type.Integer(),
  notHeld: Type.Integer(),
  withdrawn: Type.Integer(),
  open: Type.Integer(),
  answeredLate: Type.Integer(),
  averageWorkingDays: Nullable(Type.Number()),
  objections: Type.Integer(),
  disputes: Type.Integer(),
};

export const TransparencySchema = Type.Object({
  year: Type.Integer(),
  generatedAt: Instant,
  complaints: Type.Object({ total: Type.Object(Complaints), byOpd: Type.Array(Type.Object({ ...OpdRef.properties, ...Complaints })) }),
  ikm: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Type.String(),
      opd: Nullable(OpdRef),
      respondents: Type.Integer(),
      ikm: Nullable(Type.Number()),
      converted: Nullable(Type.Number()),
      grade: Nullable(Type.String()),
      label: Nullable(MessageSchema),
      published: Type.Boolean(),
    }),
  ),
  ppid: Type.Object({ total: Type.Object(Ppid), byOpd: Type.Array(Type.Object({ opd: Nullable(OpdRef), ...Ppid })) }),
  emonev: Type.Array(
    Type.Object({
      opd: OpdRef,
      subActivities: Type.Integer(),
      reported: Type.Integer(),
      budget: Type.Number({ description: 'DPA budget, Rp' }),
      financialRp: Type.Number({ description: 'Spent, Rp, from the accepted realisation reports' }),
      financialPct: Nullable(Type.Number()),
      physicalPct: Nullable(Type.Number()),
    }),
  ),
});
