import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { insertJsonRows } from '../db/json-rows.js';
import type { Principal } from '../auth/principal.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  detail?: Record<string, unknown>;
  ip?: string | undefined;
}

/** Append one line to the audit log, inside the caller's transaction so it commits with the change. */
export async function audit(db: Db, actor: Principal | null, entry: AuditEntry, at?: Date): Promise<void> {
  await db.execute(auditInsert([{ actor, entry, at }]));
}

type Line = { actor: Principal | null; entry: AuditEntry; at?: Date | undefined };

/** The insert of audit lines, for a caller that writes many at once as part of a larger statement (a group commit). A line without `at` gets the transaction's time. */
export function auditInsert(lines: readonly Line[]): SQL {
  return insertJsonRows(
    auditLog,
    lines.map(({ actor, entry, at }) => ({
      at,
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'system',
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
    })),
  );
}
