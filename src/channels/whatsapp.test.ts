/**
 * WhatsApp and SMS over real HTTP: the app's webhooks are called as the Cloud API and an SMS gateway
 * call them (signed), and the app's adapters send to a local server speaking their APIs
 * (src/test/fake-providers.ts), which calls the status webhook back like the real one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, type Harness } from '../test/harness.js';
import { BAGAN_KELADI, photo, step } from '../test/fixtures.js';
import { fakeProviders, postWhatsApp, signature, SMS_WEBHOOK_TOKEN, VERIFY_TOKEN, waEnvelope, waMessage, type FakeProviders } from '../test/fake-providers.js';
import { deliverMessages, LEASE_MS, messengersOf } from '../core/notifications/phone-delivery.js';
import { deliveryStatuses, outbox } from '../core/notifications/schema.js';

describeEachDatabase('WhatsApp and SMS', (h) => {
  let fake: FakeProviders;
  let triage: string;
  const deliver = (opts: Parameters<typeof deliverMessages>[2] = {}) => deliverMessages(h().ctx, messengersOf(h().ctx.config), opts);
  /** What the number received since `from` (an index into the fake's log). */
  const textsTo = (phone: string) => fake.whatsapp.filter((m) => m.to === phone);
  const lastText = (phone: string) => textsTo(phone).at(-1)?.text ?? '';

  /** A resident's WhatsApp message, then the bot's answer(s) sent. */
  async function say(phone: string, content: Parameters<typeof waMessage>[1]): Promise<string> {
    const res = await postWhatsApp(h().baseUrl, waMessage(phone, content));
    expect(res.status, await res.clone().text()).toBe(200);
    await deliver();
    return lastText(phone);
  }
  const choiceOf = (text: string, label: string) => new RegExp(`(\\d+)\\. ${label}`).exec(text)![1]!;

  async function fileByWhatsApp(phone: string): Promise<string> {
    const welcome = await say(phone, { text: 'halo' });
    expect(welcome).toContain('Pilih kategori');
    const subs = await say(phone, { text: choiceOf(welcome, 'Infrastruktur') });
    expect(await say(phone, { text: choiceOf(subs, 'Jalan rusak') })).toContain('Ceritakan masalahnya');
    expect(await say(phone, { text: 'Lubang besar di depan pasar, sudah dua minggu.' })).toContain('Kirim satu foto');
    fake.media.set(`media-${phone}`, await photo());
    expect(await say(phone, { imageId: `media-${phone}` })).toContain('Bagikan lokasi');
    const summary = await say(phone, { lat: BAGAN_KELADI.lat, lng: BAGAN_KELADI.lng, name: 'Pasar Bagan Keladi' });
    expect(summary).toContain('Foto: ada');
    expect(summary).toContain('Lokasi: Pasar Bagan Keladi');
    const done = await say(phone, { text: '1' });
    return /nomor (DMI-2026-\d{6})/.exec(done)![1]!;
  }

  beforeAll(async () => {
    fake = await fakeProviders();
    const config = h().ctx.config;
    config.whatsapp = fake.whatsappConfig();
    config.sms = fake.smsConfig();
    fake.statusWebhook = `${h().baseUrl}/api/v1/channels/whatsapp/webhook`;
    triage = (await h().staff('triage_admin')).token;
  });
  afterAll(async () => {
    await fake.close();
    const config = h().ctx.config;
    config.whatsapp = undefined;
    config.sms = undefined;
  });

  it('files a report with a photo and a shared location in a WhatsApp conversation, and answers its tracking number and status', async () => {
    const phone = '6281277001001';
    const tn = await fileByWhatsApp(phone);
    const report = await h().call('GET', `/api/v1/reports/${tn}`, { token: triage });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ status: 'submitted', category: { code: 'INF-JALAN' }, location: { kelurahanCode: BAGAN_KELADI.code } });
    expect(report.body.photos).toHaveLength(1);
    expect(report.body.channel).toBe('whatsapp');
    expect(report.body.reporter).toMatchObject({ name: 'Warga WA', phone: `+${phone}` });
    // Every reply was a free-form text in the conversation, none twice.
    expect(textsTo(phone).every((m) => m.type === 'text')).toBe(true);

    expect(await say(phone, { text: `status ${tn}` })).toMatch(new RegExp(`Laporan ${tn}\\nStatus: Diterima`));
    // Another number: the report is not public yet, so it does not exist for them.
    expect(await say('6281277009999', { text: `STATUS ${tn}` })).toContain('tidak ditemukan');
    await step(h(), triage, tn, 'verify');
    const seen = await say('6281277009999', { text: `STATUS ${tn}` });
    expect(seen).toContain('Status: Diverifikasi');
    expect(seen).not.toContain('Warga WA');
  });

  it('refuses a hostile photo and keeps asking; tells the bot a kelurahan by name', async () => {
    const phone = '6281277001002';
    const welcome = await say(phone, { text: 'Assalamualaikum' });
    const subs = await say(phone, { text: choiceOf(welcome, 'Infrastruktur') });
    await say(phone, { text: choiceOf(subs, 'Drainase tersumbat / gorong-gorong') });
    await say(phone, { text: 'Gorong-gorong tersumbat sampah, air meluap.' });
    fake.media.set('media-bad', Buffer.from('<svg onload="alert(1)"></svg>'));
    expect(await say(phone, { imageId: 'media-bad' })).toContain('Foto tidak dapat diterima');
    expect(await say(phone, { text: 'lewati' })).toContain('Bagikan lokasi');
    expect(await say(phone, { text: 'bagan kel' })).toContain('Lokasi: Kelurahan Bagan Keladi');
    expect(await say(phone, { text: 'YA' })).toMatch(/nomor DMI-2026-\d{6}/);
  });

  it('brings a status change to the reporter once by WhatsApp, though the worker dies during delivery', async () => {
    const phone = '6281277001003';
    const tn = await fileByWhatsApp(phone);
    const templates = () => textsTo(phone).filter((m) => m.type === 'template' && m.template!.params[0] === tn);

    // Killed after the Cloud API took the message, before it was marked: the status webhook settles it.
    await step(h(), triage, tn, 'verify', { message: 'Laporan diteruskan ke Dinas PUPR.' });
    await expect(deliver({ afterSend: () => { throw new Error('kill -9'); } })).rejects.toThrow('kill -9');
    while (fake.pendingCallbacks()) await new Promise((r) => setTimeout(r, 20));
    h().setNow(new Date(h().now().getTime() + LEASE_MS + 1000));
    await deliver();
    expect(templates()).toHaveLength(1);
    expect(templates()[0]!.template).toEqual({ name: 'status_laporan', language: 'id', params: [tn, 'Diverifikasi', 'Laporan diteruskan ke Dinas PUPR.'] });

    // Killed after claiming, before the Cloud API heard of it: no status comes, so the lease ends and it goes once.
    await step(h(), triage, tn, 'disposition', { opdCodes: ['PUPR'], instruction: 'Mohon ditambal' });
    await expect(deliver({ beforeSend: () => { throw new Error('kill -9'); } })).rejects.toThrow('kill -9');
    await deliver();
    expect(templates()).toHaveLength(1);
    h().setNow(new Date(h().now().getTime() + LEASE_MS + 1000));
    await deliver();
    expect(templates().map((m) => m.template!.params[1])).toEqual(['Diverifikasi', 'Didisposisikan']);
    await deliver();
    expect(templates()).toHaveLength(2);

    // The Cloud API took it but its answer was lost: not sent again, its status webhook settles it.
    fake.answerLost.add(phone);
    try {
      await step(h(), triage, tn, 'comments', { message: 'Tim PUPR dijadwalkan survei besok.' });
      await deliver();
      while (fake.pendingCallbacks()) await new Promise((r) => setTimeout(r, 20));
      h().setNow(new Date(h().now().getTime() + LEASE_MS + 1000));
      await deliver();
      expect(templates().map((m) => m.template!.params[2])).toEqual(['Laporan diteruskan ke Dinas PUPR.', '-', 'Tim PUPR dijadwalkan survei besok.']);
    } finally {
      fake.answerLost.delete(phone);
    }
    const rows = await h().ctx.db.select().from(outbox).where(and(eq(outbox.channel, 'whatsapp'), eq(outbox.status, 'delivered')));
    expect(rows.every((r) => r.address === null)).toBe(true);
  });

  it('sends nothing to a number that replied BERHENTI, until it writes MULAI; files by SMS without a photo', async () => {
    const phone = '6281277002002';
    const sms = async (text: string) => {
      const res = await h().call('POST', '/api/v1/channels/sms/inbound', { body: { from: '0' + phone.slice(2), text }, headers: { 'x-webhook-token': SMS_WEBHOOK_TOKEN } });
      expect(res.status, res.text).toBe(200);
      await deliver();
      return fake.sms.filter((m) => m.to === phone).at(-1)?.text ?? '';
    };
    const welcome = await sms('lapor');
    const subs = await sms(choiceOf(welcome, 'Persampahan & Pariwisata'));
    await sms(choiceOf(subs, 'Sampah menumpuk'));
    expect(await sms('Sampah tidak diangkut seminggu di ujung gang.')).toContain('Tulis nama kelurahannya');
    const summary = await sms('Kelurahan Bagan Keladi');
    expect(summary).not.toContain('Foto');
    const tn = /nomor (DMI-2026-\d{6})/.exec(await sms('1'))![1]!;
    expect(fake.sms.every((m) => m.auth === `Basic ${Buffer.from('dumai:sandi-gateway').toString('base64')}`)).toBe(true);

    const before = fake.sms.length + fake.whatsapp.length;
    await sms('BERHENTI');
    await sms('halo');
    await step(h(), triage, tn, 'verify', { message: 'Diteruskan ke DLH.' });
    await deliver();
    expect(fake.sms.length + fake.whatsapp.length).toBe(before);
    const [row] = await h().ctx.db.select().from(outbox).where(and(eq(outbox.channel, 'sms'), eq(outbox.status, 'skipped')));
    expect(row).toMatchObject({ lastError: 'opted out', address: null });

    expect(await sms('MULAI')).toContain('menerima pesan dari kami lagi');
  });

  it('holds notices in quiet hours until 07:00 WIB, and sends a notice by SMS when the number has no WhatsApp', async () => {
    const phone = '6281277001004';
    const tn = await fileByWhatsApp(phone);
    const saved = h().now();
    await step(h(), triage, tn, 'verify');
    h().setNow(new Date('2026-03-02T15:30:00Z')); // 22:30 WIB, before the worker came round
    try {
      fake.notOnWhatsApp.add(phone);
      await deliver();
      expect(fake.sms.filter((m) => m.to === phone)).toHaveLength(0);
      const [held] = await h().ctx.db.select().from(outbox).where(and(eq(outbox.address, phone), eq(outbox.status, 'pending')));
      expect(held!.availableAt.toISOString()).toBe('2026-03-03T00:00:00.000Z'); // 07:00 WIB
      h().setNow(new Date('2026-03-03T00:00:01Z'));
      await deliver(); // WhatsApp refuses (131026): the same notice goes by SMS
      await deliver();
      const texts = fake.sms.filter((m) => m.to === phone);
      expect(texts).toHaveLength(1);
      expect(texts[0]!.text).toContain(`Laporan ${tn}: Diverifikasi`);
      expect(texts[0]!.ref).toMatch(/^outbox-\d+$/);
    } finally {
      fake.notOnWhatsApp.delete(phone);
      h().setNow(saved);
    }
  });

  it('retries a throttled WhatsApp notice later rather than giving it up', async () => {
    const phone = '6281277001005';
    const tn = await fileByWhatsApp(phone);
    fake.throttledOnce.add(phone);
    await step(h(), triage, tn, 'verify');
    await deliver();
    const [row] = await h().ctx.db.select().from(outbox).where(and(eq(outbox.address, phone), eq(outbox.status, 'pending')));
    expect(row).toMatchObject({ attempts: 1, lastError: expect.stringContaining('131056') });
    h().setNow(new Date(h().now().getTime() + 61_000));
    await deliver();
    expect(textsTo(phone).filter((m) => m.type === 'template').map((m) => m.template!.params[1])).toEqual(['Diverifikasi']);
    expect(fake.sms.filter((m) => m.to === phone)).toHaveLength(0);
  });

  it('records delivery statuses from both providers', async () => {
    const [sent] = await h().ctx.db.select().from(outbox).where(eq(outbox.channel, 'sms')).limit(1);
    const res = await h().call('POST', '/api/v1/channels/sms/status', { body: { ref: `outbox-${sent!.id}`, status: 'DELIVRD' }, headers: { 'x-webhook-token': SMS_WEBHOOK_TOKEN } });
    expect(res.status).toBe(200);
    const smsStatuses = await h().ctx.db.select().from(deliveryStatuses).where(eq(deliveryStatuses.outboxId, sent!.id));
    expect(smsStatuses).toContainEqual(expect.objectContaining({ channel: 'sms', status: 'delivered' }));
    // WhatsApp's: every message the Cloud API took was confirmed 'sent' by its webhook, each once, though resent.
    const wa = fake.whatsapp.at(-1)!;
    const again = waEnvelope({ statuses: [{ id: wa.id, status: 'sent', timestamp: '1767225600', recipient_id: wa.to, biz_opaque_callback_data: wa.ref }] });
    expect((await postWhatsApp(h().baseUrl, again)).status).toBe(200);
    const recorded = await h().ctx.db.select().from(deliveryStatuses).where(eq(deliveryStatuses.providerMessageId, wa.id));
    expect(recorded).toEqual([expect.objectContaining({ channel: 'whatsapp', status: 'sent', outboxId: Number(wa.ref.slice('outbox-'.length)) })]);
  });

  it('refuses forged webhooks', async () => {
    const body = JSON.stringify(waMessage('6281277003003', { text: 'halo' }));
    const forged = await h().call('POST', '/api/v1/channels/whatsapp/webhook', { raw: body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(body, 'bukan-rahasianya') } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    expect(forged.body).toMatchObject({ code: 'bad_signature', message: { id: expect.any(String), en: expect.any(String) } });
    const unsigned = await h().call('POST', '/api/v1/channels/whatsapp/webhook', { raw: body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    // A signature of other bytes (the body changed on the way) is forged too.
    const tampered = await h().call('POST', '/api/v1/channels/whatsapp/webhook', { raw: body.replace('halo', 'HALO'), headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(body) } });
    expect(tampered.status).toBe(401);
    const sms = await h().call('POST', '/api/v1/channels/sms/inbound', { body: { from: '081277003003', text: 'halo' }, headers: { 'x-webhook-token': 'salah' } });
    expect(sms.status).toBe(401);
    expect(sms.body.code).toBe('bad_webhook_token');
    expect(fake.whatsapp.filter((m) => m.to === '6281277003003')).toHaveLength(0);

    const verify = (token: string) => h().call('GET', `/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);
    expect((await verify(VERIFY_TOKEN)).text).toBe('1158201444');
    expect((await verify('salah')).status).toBe(401);
  });

  it("links a number to a citizen's account: earlier reports join it and notices go there by WhatsApp", async () => {
    const phone = '6281277004004';
    const tn = await fileByWhatsApp(phone);
    const citizen = await h().citizen();
    const code = await h().call('POST', '/api/v1/channels/link-code', { token: citizen.token });
    expect(code.status).toBe(200);
    expect(await say(phone, { text: code.body.message })).toContain(`Laporan ${tn} kini tampil di akun Anda`);
    const mine = await h().call('GET', '/api/v1/reports/mine', { token: citizen.token });
    expect(mine.body.items.map((r: { trackingNumber: string }) => r.trackingNumber)).toContain(tn);
    const before = textsTo(phone).length;
    await step(h(), triage, tn, 'verify');
    await deliver();
    const notices = textsTo(phone).slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.template!.params.slice(0, 2)).toEqual([tn, 'Diverifikasi']);
    expect((await h().call('GET', '/api/v1/notifications/channel', { token: citizen.token })).body).toEqual({ chosen: null, effective: 'whatsapp', phone: `+${phone}`, phoneVerified: true });
    // The citizen chooses SMS: the next notice goes there instead.
    expect((await h().call('PUT', '/api/v1/notifications/channel', { token: citizen.token, body: { channel: 'sms' } })).body.effective).toBe('sms');
    await step(h(), triage, tn, 'disposition', { opdCodes: ['PUPR'], instruction: 'Mohon ditambal' });
    await deliver();
    expect(textsTo(phone).slice(before)).toHaveLength(1);
    expect(fake.sms.filter((m) => m.to === phone).at(-1)!.text).toContain(`Laporan ${tn}: Didisposisikan`);
    const other = await h().citizen();
    const refused = await h().call('PUT', '/api/v1/notifications/channel', { token: other.token, body: { channel: 'whatsapp' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'phone_not_verified', field: 'channel' });
    // A code that is not one, or of someone else with a changed byte, is refused.
    expect(await say(phone, { text: code.body.message.slice(0, -1) + (code.body.message.endsWith('0') ? '1' : '0') })).toContain('tidak berlaku');
  });
});

export type { Harness };
