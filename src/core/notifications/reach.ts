/**
 * How a person without an account is reached with the number or address they gave (a reporter who
 * wrote by WhatsApp, a resident an officer filed for, an applicant at the counter): by phone when
 * the city has WhatsApp or SMS, else by email when it has SMTP. One rule for every module.
 */
import type { Config } from '../../config.js';
import { normalizePhone } from '../auth/service.js';
import type { Db } from '../db/client.js';
import { bareNumber } from './messenger.js';
import { enqueueEmail, enqueuePhone, type Notice } from './outbox.js';

export type Send = (tx: Db, notice: Notice, at: Date) => Promise<void>;

/** A number that is no mobile number (written down at a counter) reaches nobody: the address is tried. */
function mobileNumber(phone: string): string | null {
  try {
    return bareNumber(normalizePhone(phone));
  } catch {
    return null;
  }
}

/**
 * How to send to the contact: WhatsApp, or SMS when `sms` asks for it (they wrote by SMS) or the city
 * has no WhatsApp; else email. Null when nothing the city has reaches them.
 */
export function reachContact(config: Pick<Config, 'whatsapp' | 'sms' | 'smtp'>, contact: { phone?: string | null; email?: string | null }, opts: { sms?: boolean } = {}): Send | null {
  const number = contact.phone && (config.whatsapp || config.sms) ? mobileNumber(contact.phone) : null;
  if (number) return (tx, notice, at) => enqueuePhone(tx, number, opts.sms || !config.whatsapp ? 'sms' : 'whatsapp', { notice }, { at });
  const { email } = contact;
  if (email && config.smtp) return (tx, notice, at) => enqueueEmail(tx, email, notice, { at });
  return null;
}
