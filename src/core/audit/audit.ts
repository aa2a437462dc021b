import type { Db } from '../db/client.js';
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
  await auditMany(db, [{ actor, entry, at }]);
}

/** Many lines in one statement (a group commit of many changes). */
export async function auditMany(db: Db, lines: readonly { actor: Principal | null; entry: AuditEntry; at?: Date | undefined }[]): Promise<void> {
  if (!lines.length) return;
  await db.insert(auditLog).values(
    lines.map(({ actor, entry, at }) => ({
      ...(at ? { at } : {}),
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
