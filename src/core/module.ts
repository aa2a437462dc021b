/**
 * What a domain module (aduan, kemiskinan, ppid, …) tells the platform about itself, in one entry:
 * `src/modules.ts` lists the entries, and the app, the background jobs, the demo, the account's
 * data rights and the authorization tests read that list. Adding a module is adding an entry there,
 * never editing those places.
 */
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { AppContext } from './context.js';
import type { Db } from './db/client.js';
import type { Principal } from './auth/principal.js';
import { CORE_ROLES, type Role } from './auth/roles.js';
import type { Job } from './jobs/jobs.js';
import type { Mailer } from './notifications/delivery.js';
import type { PageMetaRoute } from './http/page-meta.js';
import type { Message } from './errors.js';

/** What every route plugin is given: the services' context and the registered modules. */
export interface PluginOptions {
  ctx: AppContext;
  modules: readonly KhidmatModule[];
}

export interface RouteSet {
  plugin: (app: FastifyInstance, opts: PluginOptions) => Promise<void>;
  /** Default `/api/v1`. */
  prefix?: string;
}

/**
 * Who may call a route (the authorization matrix; the hardening test walks every route with every
 * role against it):
 * - 'public': anyone, with or without a session
 * - 'self': any signed-in account, acting on its own data (no session: 401)
 * - 'scoped': a session is required; which roles may act is decided per record by the module's own
 *   scope rules (its scope tests cover them)
 * - 'api-key': Open311 clients with a valid api_key, session irrelevant (no key: 403)
 * - 'opd-key': an OPD's own system with its key as `Authorization: Bearer` (layanan's incoming
 *   API), scoped to that OPD; a login session is no key (no or a wrong key: 401, a session: 403)
 * - a role list: those roles (no session: 401, another role: 403)
 */
export type AccessRule = 'public' | 'self' | 'scoped' | 'api-key' | 'opd-key' | readonly Role[];
/** Keyed by "METHOD /path" exactly as the route is registered, e.g. "GET /api/v1/reports/:trackingNumber". */
export type AccessRules = Readonly<Record<string, AccessRule>>;

/**
 * A module's part of a person's rights under UU 27/2022: what it holds about them for "download my
 * data", and how it lets go of them when they delete their account.
 */
export interface PersonalDataHolder {
  /** Sections of the export document, each named for what it holds (`reports`, `povertyComplaints`). */
  export(ctx: AppContext, p: Principal): Promise<Record<string, unknown>>;
  /**
   * Runs inside the account deletion's transaction: removes every link from the module's records to
   * the person. Returns how many records stay for the city's work, now anonymous.
   */
  erase(tx: Db, userId: string, now: Date): Promise<number>;
}

// A reserved domain (RFC 2606): with SMTP configured in demo mode, nothing reaches a real mailbox.
export const DEMO_DOMAIN = 'dumai.demo.invalid';
export const demoEmail = (local: string): string => `${local}@${DEMO_DOMAIN}`;
/** The demo resident whose password the demo prints. */
export const DEMO_CITIZEN_EMAIL = demoEmail('warga');

/** A demo staff account, created on the embedded demo's first start. */
export interface DemoStaff {
  role: Exclude<Role, 'citizen'>;
  email: string;
  fullName: string;
  /** OPD code, or null for staff of no OPD. */
  opd: string | null;
  description: string;
}

/** The demo city as a module's demo data finds it: accounts already made, residents registered. */
export interface DemoTown {
  /** Any demo staff account (of any module) by its e-mail address. */
  staff(email: string): Principal;
  residents: readonly Principal[];
  /** When the demo residents registered: plans anchor there, so an interrupted start resumes the same plan. */
  registeredAt: Date;
}

/** How a part of the platform works right now; 'unknown' when it cannot be checked (its check needs the database, which is down). */
export type HealthStatus = 'up' | 'degraded' | 'down' | 'unknown';

/**
 * A part of the platform the status page shows (the database, the job queue, a provider, a module's
 * own dependency). The server runs every check periodically within a time limit, never on a
 * visitor's request; a check that throws or runs out of time counts as 'down'.
 */
export interface HealthCheck {
  key: string;
  label: Message;
  /** Only checked (and shown) where this says so, e.g. a provider that is configured. */
  enabled?(ctx: AppContext): boolean;
  /** The check reads the database: while that is down, its part shows 'unknown', not 'down'. */
  usesDatabase?: boolean;
  check(ctx: AppContext): Promise<{ status: HealthStatus; detail?: Message }>;
}

export interface KhidmatModule {
  /** The folder name: `aduan`, `kemiskinan`, … */
  name: string;
  /** One line for the API description. */
  summary: string;
  /** Roles the module adds (their names also extend `RoleRegistry` in the module's own file). */
  roles?: readonly Role[];
  routes: readonly RouteSet[];
  /** The authorization of every route in `routes`. */
  access: AccessRules;
  /** Reference data the module needs on every start (idempotent). */
  seed?(db: Db): Promise<void>;
  /** Periodic background work; each job must be safe when another instance runs it too. */
  jobs?(ctx: AppContext, deps: { mailer?: Mailer | undefined }): Job[];
  /** Prometheus series of the module, added to each instance's registry. */
  metrics?(ctx: AppContext, registry: Registry): void;
  personalData?: PersonalDataHolder;
  /** Web pages whose served HTML carries their own title, Open Graph tags and feed links (for link previews and feed readers). */
  pages?: readonly PageMetaRoute[];
  /** What the status page checks for the module; its API counts as down when any of them or the database is. */
  health?: readonly HealthCheck[];
  demo?: {
    staff?: readonly DemoStaff[];
    /** Fills the demo city through the module's real services; runs after every module's staff exist, in list order. */
    run?(ctx: AppContext, town: DemoTown): Promise<void>;
  };
}

/** Every role of the platform: core's and the registered modules'. */
export const rolesOf = (modules: readonly KhidmatModule[]): Role[] => [...CORE_ROLES, ...modules.flatMap((m) => m.roles ?? [])];
