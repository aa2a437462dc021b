/** The case timeline entry as the API shows it; each module adds its own actor fields and extras. */
import { Type, type TProperties } from 'typebox';
import { MessageSchema, Nullable } from '../http/schemas.js';

const DateTime = Type.String({ format: 'date-time' });

/** `actor` lands between the role and the name, `extra` after the note, so answers keep their field order. */
export const timelineEntrySchema = <Actor extends TProperties, Extra extends TProperties>(actor: Actor, extra: Extra) =>
  Type.Object({
    id: Type.Integer(),
    at: DateTime,
    action: Type.String(),
    label: MessageSchema,
    fromStatus: Nullable(Type.String()),
    toStatus: Nullable(Type.String()),
    actor: Type.Object({ role: Type.String(), ...actor, name: Nullable(Type.String()) }),
    message: Nullable(Type.String()),
    note: Nullable(Type.String()),
    ...extra,
  });
