import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/harness.js';
import { fileReport } from '../../test/fixtures.js';
import { SMTPServer } from 'smtp-server';
import { deliverDue, smtpMailer, type Mail } from './delivery.js';
import { notifications, outbox } from './schema.js';

describeEachDatabase('notification outbox', (h) => {
  it('loses nothing and sends nothing twice when the worker crashes before commit', async () => {
    const citizen = await h().citizen();
    await fileReport(h(), citizen.token);
    const mine = () => h().ctx.db.select().from(notifications).where(eq(notifications.userId, citizen.userId));

    // The report and its notification committed together; the crash happens during delivery.
    await expect(deliverDue(h().ctx, undefined, { beforeCommit: () => { throw new Error('power cut'); } })).rejects.toThrow('power cut');
    expect(await mine()).toHaveLength(0);
    const [pending] = await h().ctx.db.select({ n: sql<number>`count(*)` }).from(outbox).where(eq(outbox.userId, citizen.userId));
    expect(Number(pending!.n)).toBe(1);

    expect(await deliverDue(h().ctx, undefined)).toBeGreaterThanOrEqual(1);
    expect(await deliverDue(h().ctx, undefined)).toBe(0);
    const delivered = await mine();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.title.id).toMatch(/^Laporan DMI-2026-\d{6}: Diterima$/);
  });

  it('emails through SMTP when configured, retrying a failed send later, with links made absolute by PUBLIC_URL', async () => {
    const citizen = await h().citizen();
    await h().ctx.db.insert(outbox).values({
      userId: citizen.userId,
      channel: 'email',
      title: { id: 'Judul', en: 'Title' },
      body: { id: 'Isi', en: 'Body' },
      link: '/laporan/DMI-2026-000001',
      createdAt: h().now(),
      availableAt: h().now(),
    });
    const sent: Mail[] = [];
    let failNext = true;
    const mailer = async (mail: Mail) => {
      if (failNext) {
        failNext = false;
        throw new Error('SMTP 421');
      }
      sent.push(mail);
    };
    await deliverDue(h().ctx, mailer);
    expect(sent).toHaveLength(0);
    const [row] = await h().ctx.db.select().from(outbox).where(eq(outbox.channel, 'email'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: SMTP 421' });
    h().setNow(new Date(h().now().getTime() + 120_000));
    const config = h().ctx.config;
    config.publicUrl = 'https://aduan.dumaikota.go.id';
    try {
      await deliverDue(h().ctx, mailer);
    } finally {
      config.publicUrl = undefined;
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: expect.stringContaining('@mail.test'), subject: 'Judul', messageId: `<outbox-${row!.id}@khidmat>` });
    expect(sent[0]!.text).toContain('https://aduan.dumaikota.go.id/laporan/DMI-2026-000001');
  });

  it('delivers through a real SMTP server with the outbox id as Message-ID', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => {
          received.push(text);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const citizen = await h().citizen({ email: 'penerima@mail.test' });
      await h().ctx.db.insert(outbox).values({
        userId: citizen.userId,
        channel: 'email',
        title: { id: 'Laporan diterima', en: 'Report received' },
        body: { id: 'Terima kasih.', en: 'Thank you.' },
        createdAt: h().now(),
        availableAt: h().now(),
      });
      await deliverDue(h().ctx, smtpMailer(`smtp://127.0.0.1:${port}`, 'Khidmat <no-reply@dumai.demo.invalid>'));
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('To: penerima@mail.test');
      expect(received[0]).toContain('Subject: Laporan diterima');
      expect(received[0]).toMatch(/Message-ID: <outbox-\d+@khidmat>/i);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
