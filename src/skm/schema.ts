/**
 * Tables of the SKM module (Survei Kepuasan Masyarakat, PermenPANRB 14/2017): the service units
 * surveyed, the survey periods and their published results, the invitations sent after a case, and
 * the answers. An answer holds no identity: the invitation it came from knows the person only until
 * they delete their account.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, serial, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../core/auth/schema.js';
import { opds } from '../core/reference/schema.js';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from './regulation.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** An OPD's own counters, one Layanan service (by its code), or one of the city's desks. */
export const UNIT_KINDS = ['opd', 'layanan', 'aduan_desk', 'ppid_desk'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** What a case is: a complaint, an application for a Layanan service, a public information request. */
export const CASE_KINDS = ['aduan', 'layanan', 'ppid'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
/** 'account': the in-app inbox and the channel the person chose; 'contact': the WhatsApp/SMS number or email a person without an account gave. */
export const INVITATION_CHANNELS = ['account', 'contact'] as const;
export const ANSWER_SOURCES = ['invitation', 'public_link', 'paper'] as const;

export const skmUnits = pgTable(
  'skm_units',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    /** What the unit is within its kind: the OPD's code, the service's code, or the desk's name. */
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    /** The OPD answerable for the unit (its staff see the raw answers); null for the city's desks. */
    opdId: integer('opd_id').references(() => opds.id),
    /** The anonymous public link's key (/skm/u/<key>): printed on a poster or a QR code at the counter. */
    publicKey: text('public_key').notNull().unique(),
    /** People served in a year, for the minimum sample; null until the unit states it. */
    population: integer('population'),
  },
  (t) => [unique('skm_units_kind_ref').on(t.kind, t.ref), check('skm_units_population', sql`${t.population} is null or ${t.population} >= 0`)],
);

export const skmPeriods = pgTable(
  'skm_periods',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [check('skm_periods_order', sql`${t.startsOn} <= ${t.endsOn}`)],
);

/** A unit's results for a period, published for everyone: the figures as they stood then. */
export const skmPublications = pgTable(
  'skm_publications',
  {
    periodId: integer('period_id').notNull().references(() => skmPeriods.id),
    unitId: integer('unit_id').notNull().references(() => skmUnits.id),
    publishedAt: ts('published_at').notNull(),
    publishedById: uuid('published_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId] })],
);

/** One invitation per case; its single-use link is kept only as its SHA-256. */
export const skmInvitations = pgTable(
  'skm_invitations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull().references(() => skmUnits.id),
    caseKind: text('case_kind', { enum: CASE_KINDS }).notNull(),
    caseRef: text('case_ref').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    channel: text('channel', { enum: INVITATION_CHANNELS }).notNull(),
    /** The invited account, for its data rights; cleared when the account is deleted. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    answeredAt: ts('answered_at'),
  },
  (t) => [unique('skm_invitations_case').on(t.caseKind, t.caseRef), index('skm_invitations_user_idx').on(t.userId)],
);

const score = (name: string) => smallint(name).notNull();

export const skmAnswers = pgTable(
  'skm_answers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull().references(() => skmUnits.id),
    source: text('source', { enum: ANSWER_SOURCES }).notNull(),
    /** At most one answer per invitation (the database holds the rule). */
    invitationId: bigint('invitation_id', { mode: 'number' }).unique().references(() => skmInvitations.id),
    /** The officer who entered a paper form. */
    enteredById: uuid('entered_by_id').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: ts('answered_at').notNull(),
    u1: score('u1'),
    u2: score('u2'),
    u3: score('u3'),
    u4: score('u4'),
    u5: score('u5'),
    u6: score('u6'),
    u7: score('u7'),
    u8: score('u8'),
    u9: score('u9'),
    sex: text('sex', { enum: SEXES }),
    ageBand: text('age_band', { enum: AGE_BANDS }),
    education: text('education', { enum: EDUCATIONS }),
    occupation: text('occupation', { enum: OCCUPATIONS }),
    suggestion: text('suggestion'),
  },
  (t) => [
    index('skm_answers_unit_idx').on(t.unitId, t.answeredAt),
    check('skm_answers_scale', sql.raw([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `u${i} between 1 and 4`).join(' and '))),
  ],
);

/** Where the invitation job has read each source's closed cases up to. */
export const skmCheckpoints = pgTable('skm_checkpoints', {
  source: text('source', { enum: CASE_KINDS }).primaryKey(),
  afterAt: ts('after_at').notNull(),
  afterId: bigint('after_id', { mode: 'number' }).notNull(),
});
