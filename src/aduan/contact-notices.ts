/**
 * Notices to reporters without an account: those who filed by WhatsApp or SMS hear back there, a
 * resident an officer filed for by WhatsApp (SMS where the city has no WhatsApp) or else email.
 * Open311 clients keep their own channel to their users.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Notice } from '../core/notifications/outbox.js';
import { reachContact } from '../core/notifications/reach.js';
import type { Contact } from './intake.js';
import type { ReportChannel } from './schema.js';

const NOTIFIED: readonly ReportChannel[] = ['whatsapp', 'sms', 'assisted'];

export async function notifyContact(ctx: AppContext, tx: Db, contact: Contact, channel: ReportChannel, notice: Notice, at: Date): Promise<void> {
  if (!NOTIFIED.includes(channel)) return;
  await reachContact(ctx.config, contact, { sms: channel === 'sms' })?.(tx, notice, at);
}

/** The contact details kept (encrypted) on a report filed without an account. */
export const contactOfReport = (ctx: AppContext, externalReporter: string): Contact => JSON.parse(ctx.cipher.decrypt(externalReporter)) as Contact;
