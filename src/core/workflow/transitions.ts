/**
 * A lifecycle as data: each action names the statuses it may start from, the status it leads to and
 * the actors who may take it. Every case module (aduan, kemiskinan) keeps its own table; this file
 * only reads one, so a refusal is decided and worded the same way everywhere.
 */
import { conflict, forbidden, type Message } from '../errors.js';

export interface Transition<Status extends string, Actor extends string> {
  from: readonly Status[];
  /** 'same' = the action adds to the timeline without moving the case. */
  to: Status | 'same';
  by: readonly Actor[];
}

export interface Workflow<Action extends string, Status extends string, Actor extends string> {
  can(action: Action, from: Status, actor: Actor): boolean;
  /** The status after `action`, or an AppError: 403 when the actor may never take it, 409 when the current status does not allow it. */
  next(action: Action, from: Status, actor: Actor): Status;
}

/** `subject` names the case in the 409 message ("laporan"/"report", "pengaduan"/"complaint"). */
export function workflow<Action extends string, Status extends string, Actor extends string>(
  table: Readonly<Record<Action, Transition<Status, Actor>>>,
  subject: Message,
): Workflow<Action, Status, Actor> {
  return {
    can: (action, from, actor) => {
      const t = table[action];
      return t.from.includes(from) && t.by.includes(actor);
    },
    next: (action, from, actor) => {
      const t = table[action];
      if (!t.by.includes(actor)) throw forbidden();
      if (!t.from.includes(from)) {
        throw conflict(
          'invalid_transition',
          `Tindakan "${action}" tidak dapat dilakukan pada ${subject.id} berstatus "${from}".`,
          `Action "${action}" is not allowed on a ${subject.en} in status "${from}".`,
          'status',
        );
      }
      return t.to === 'same' ? from : t.to;
    },
  };
}
