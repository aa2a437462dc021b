import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { deliverWebhooks, MAX_ATTEMPTS, pruneDeliveryLog } from './webhook-delivery.js';
import { fileSubmitted, localWebhooks, publishDomisiliByData } from './test-fixtures.js';

const HOUR = 3_600_000;

describeEachDatabase(
  'layanan: the webhook delivery log’s retention',
  (h) => {
    let answer = 200;
    const receiver = http.createServer((_req, res) => res.writeHead(answer).end());
    beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('prunes what was delivered or given up longer ago than the retention; the outbox and newer rows stay', async () => {
      const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
      await publishDomisiliByData(h, admin.token);
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/siak`;
      expect((await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token, body: { url, secret: 'rahasia-webhook-siak-0001' } })).status).toBe(200);
      const move = (ms: number) => h().setNow(new Date(h().now().getTime() + ms));
      // Staff sessions last 12 hours of the app's clock: a fresh one for each look.
      const log = async () => {
        const token = await h().login(admin.email);
        const { deliveries } = (await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token })).body as { deliveries: { application: string; status: string }[] };
        return new Map(deliveries.map((d) => [d.application, d.status]));
      };

      // 5 January: one delivered, one given up after every try, one left in the outbox.
      h().setNow('2026-01-05T02:00:00Z');
      const delivered = await fileSubmitted(h);
      expect(await deliverWebhooks(h().ctx)).toBe(1);
      const givenUp = await fileSubmitted(h);
      answer = 500;
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        expect(await deliverWebhooks(h().ctx)).toBe(1);
        move(2 * HOUR);
      }
      answer = 200;
      const waiting = await fileSubmitted(h);
      expect(await log()).toEqual(new Map([[delivered, 'delivered'], [givenUp, 'failed'], [waiting, 'pending']]));

      // 20 February: those are 46 days old, past the 30 kept; a new one is not.
      h().setNow('2026-02-20T02:00:00Z');
      const recent = await fileSubmitted(h);
      expect(await pruneDeliveryLog(h().ctx)).toBe(2);
      expect(await log()).toEqual(new Map([[waiting, 'pending'], [recent, 'pending']]));

      // Delivered at last, the old one goes at the next pruning; the recent one when it too is 30 days old.
      expect(await deliverWebhooks(h().ctx)).toBe(2);
      expect(await pruneDeliveryLog(h().ctx)).toBe(1);
      expect(await log()).toEqual(new Map([[recent, 'delivered']]));
      move(30 * 24 * HOUR + 1);
      expect(await pruneDeliveryLog(h().ctx)).toBe(1);
      expect(await log()).toEqual(new Map());
    });
  },
  { layanan: { ...localWebhooks().layanan!, deliveryLogRetentionDays: 30 } },
);
