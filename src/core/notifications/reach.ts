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

/** A number in international form (as WhatsApp and SMS give a sender's, a foreign one too). */
const INTERNATIONAL = /^\+?[1-9]\d{5,14}$/;

/**
 * The number to send to: an Indonesian mobile number however it was written down, or one already in
 * international form. Anything else (a landline written at a counter as 0765…) reaches nobody by
 * phone: the address is tried.
 */
function reachableNumber(phone: string): string | null {
  try {
    return bareNumber(normalizePhone(phone));
  } catch {
    return INTERNATIONAL.test(phone.trim()) ? bareNumber(phone.trim()) : null;
  }
}

type Reach = { channel: 'whatsapp' | 'sms'; number: string } | { channel: 'email'; email: string };
type Contact = { phone?: string | null | undefined; email?: string | null | undefined };

/**
 * The way to the contact: WhatsApp, or SMS when `sms` asks for it (they wrote by SMS) or the city
 * has no WhatsApp; else email. Null when nothing the city has reaches them.
 */
export function reachOf(config: Pick<Config, 'whatsapp' | 'sms' | 'smtp'>, contact: Contact, opts: { sms?: boolean } = {}): Reach | null {
  const number = contact.phone && (config.whatsapp || config.sms) ? reachableNumber(contact.phone) : null;
  if (number) return { channel: opts.sms || !config.whatsapp ? 'sms' : 'whatsapp', number };
  return contact.email && config.smtp ? { channel: 'email', email: contact.email } : null;
}

/** How to send a notice to the contact (see reachOf); null when nothing reaches them. */
export function reachContact(config: Pick<Config, 'whatsapp' | 'sms' | 'smtp'>, contact: Contact, opts: { sms?: boolean } = {}): Send | null {
  const reach = reachOf(config, contact, opts);
  if (!reach) return null;
  if (reach.channel === 'email') return (tx, notice, at) => enqueueEmail(tx, reach.email, notice, { at });
  return (tx, notice, at) => enqueuePhone(tx, reach.number, reach.channel, { notice }, { at });
}
