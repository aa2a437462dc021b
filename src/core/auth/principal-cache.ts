/**
 * The principals behind session tokens, kept in memory so that a request need not wait for the
 * database to learn who sent it (at load, that look-up was a fifth of a report filing's time).
 *
 * Correctness rests on the database announcing every change that ends or alters a principal
 * (migration 0009: any delete or update of a session, a change of a user's role, OPD, name,
 * temporary password, deletion or deactivation; a TRUNCATE of either table as '*'), whichever
 * instance or person made it:
 * - the cache is used only while this instance listens; when the listening connection drops it is
 *   emptied and bypassed until it listens again (a message may have been missed meanwhile);
 * - a look-up that was under way when a change arrived is answered but not kept (it may have read
 *   the row from before the change);
 * - this instance's own log-outs and revocations forget at once (`forgetPrincipals`, again after
 *   their transaction commits), so its next request never waits on the announcement. Another
 *   instance stops honouring an ended session when the announcement reaches it, milliseconds after
 *   the commit.
 * Entries also end at the session's expiry and after ENTRY_TTL_MS as a backstop.
 */
import type { AppContext } from '../context.js';
import type { Unlisten } from '../db/listen.js';
import type { Principal } from './principal.js';

export const PRINCIPAL_CHANNEL = 'khidmat_principal_changes';
/** Announced for a TRUNCATE: any session may have ended. */
const EVERYONE = '*';
const ENTRY_TTL_MS = 60_000;
/**
 * About half a kilobyte each (the principal, its token's hash, the user's set of tokens): 20,000 hold
 * ~10 MB, a tenth of the server's heap. More sessions than that within a minute on one instance are
 * looked up (in batches) rather than kept.
 */
const MAX_ENTRIES = 20_000;

export interface SessionPrincipal {
  principal: Principal;
  expiresAt: Date;
}

interface Entry extends SessionPrincipal {
  keptUntil: number;
}

/** Taken before a look-up; the answer may be kept only if nothing changed in between. */
export interface Ticket {
  generation: number;
}

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tokensOfUser = new Map<string, Set<string>>();
  private generation = 0;
  private listening = false;
  readonly stats = { hits: 0, misses: 0 };

  /** undefined: not known here, ask the database. */
  get(tokenHash: string, now: Date): Principal | undefined {
    const entry = this.listening ? this.entries.get(tokenHash) : undefined;
    if (entry && (entry.expiresAt <= now || entry.keptUntil <= Date.now())) this.drop(tokenHash);
    else if (entry) {
      this.stats.hits++;
      return entry.principal;
    }
    this.stats.misses++;
    return undefined;
  }

  ticket(): Ticket {
    return { generation: this.generation };
  }

  keep(ticket: Ticket, tokenHash: string, found: SessionPrincipal): void {
    if (!this.listening || ticket.generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.drop(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { ...found, keptUntil: Date.now() + ENTRY_TTL_MS });
    const tokens = this.tokensOfUser.get(found.principal.userId) ?? new Set();
    this.tokensOfUser.set(found.principal.userId, tokens.add(tokenHash));
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const tokenHash of this.tokensOfUser.get(userId) ?? []) this.entries.delete(tokenHash);
    this.tokensOfUser.delete(userId);
  }

  forgetToken(tokenHash: string): void {
    this.generation++;
    this.drop(tokenHash);
  }

  /** Forgets everything kept (a change that may concern anyone). */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.tokensOfUser.clear();
  }

  /** Removes an entry that ran out or made room: no change happened, so look-ups under way may still keep theirs. */
  private drop(tokenHash: string): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    const tokens = this.tokensOfUser.get(entry.principal.userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.tokensOfUser.delete(entry.principal.userId);
  }

  /** While not listening nothing is served or kept: a change could pass unheard. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.forgetAll();
  }

  get size(): number {
    return this.entries.size;
  }

  get isListening(): boolean {
    return this.listening;
  }
}

const cacheOfContext = new WeakMap<AppContext, PrincipalCache>();
/** The running cache of an app's context (for its metrics); none before the app is built. */
export const principalCacheOf = (ctx: AppContext): PrincipalCache | undefined => cacheOfContext.get(ctx);

// Every cache of this process, for revocations made through a transaction that knows no context.
const caches = new Set<PrincipalCache>();

/** This instance's own revocations: forgotten at once, before the database's announcement arrives. */
export function forgetPrincipals(what: { userId: string } | { tokenHash: string }): void {
  for (const cache of caches) {
    if ('userId' in what) cache.forgetUser(what.userId);
    else cache.forgetToken(what.tokenHash);
  }
}

/** A cache fed by the database's announcements; the returned function stops it. `warn` hears why it stopped listening. */
export async function startPrincipalCache(ctx: AppContext, warn: (reason: string) => void): Promise<{ cache: PrincipalCache; stop: Unlisten }> {
  const cache = new PrincipalCache();
  // Told once per outage, not at every retry (a misconfigured pooler would repeat it forever).
  let told = false;
  const unlisten = await ctx.listen(PRINCIPAL_CHANNEL, {
    message: (userId) => (userId === EVERYONE ? cache.forgetAll() : cache.forgetUser(userId)),
    ready: () => {
      told = false;
      cache.setListening(true);
    },
    lost: (reason) => {
      cache.setListening(false);
      if (reason && !told) warn(reason);
      told ||= !!reason;
    },
  });
  caches.add(cache);
  cacheOfContext.set(ctx, cache);
  return {
    cache,
    stop: async () => {
      caches.delete(cache);
      await unlisten();
    },
  };
}
