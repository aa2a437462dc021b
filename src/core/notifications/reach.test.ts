import { describe, expect, it } from 'vitest';
import type { Config } from '../../config.js';
import { reachOf } from './reach.js';

const WA = {} as NonNullable<Config['whatsapp']>;
const SMS = {} as NonNullable<Config['sms']>;
const SMTP = { url: 'smtp://localhost', from: 'Khidmat <no-reply@localhost>' };
const city = (has: { whatsapp?: boolean; sms?: boolean; smtp?: boolean }) => ({ whatsapp: has.whatsapp ? WA : undefined, sms: has.sms ? SMS : undefined, smtp: has.smtp ? SMTP : undefined });

describe('reaching a person without an account', () => {
  it('sends to an Indonesian mobile number however it was written, by WhatsApp unless they wrote by SMS or the city has none', () => {
    for (const phone of ['0812 7700 6007', '+6281277006007', '6281277006007', '0812-7700-6007']) {
      expect(reachOf(city({ whatsapp: true, sms: true }), { phone })).toEqual({ channel: 'whatsapp', number: '6281277006007' });
    }
    expect(reachOf(city({ whatsapp: true, sms: true }), { phone: '081277006007' }, { sms: true })).toEqual({ channel: 'sms', number: '6281277006007' });
    expect(reachOf(city({ sms: true }), { phone: '081277006007' })).toEqual({ channel: 'sms', number: '6281277006007' });
  });

  it('keeps a sender’s foreign number as WhatsApp gave it; a landline written at a counter falls back to the address', () => {
    expect(reachOf(city({ whatsapp: true }), { phone: '60123456789' })).toEqual({ channel: 'whatsapp', number: '60123456789' });
    expect(reachOf(city({ whatsapp: true, smtp: true }), { phone: '0765 31234', email: 'warga@mail.test' })).toEqual({ channel: 'email', email: 'warga@mail.test' });
    expect(reachOf(city({ whatsapp: true }), { phone: '0765 31234' })).toBeNull();
  });

  it('uses email only when the city has SMTP, and nothing when it has no way to them', () => {
    expect(reachOf(city({ smtp: true }), { phone: '081277006007', email: 'warga@mail.test' })).toEqual({ channel: 'email', email: 'warga@mail.test' });
    expect(reachOf(city({}), { phone: '081277006007', email: 'warga@mail.test' })).toBeNull();
    expect(reachOf(city({ whatsapp: true, smtp: true }), {})).toBeNull();
  });
});
