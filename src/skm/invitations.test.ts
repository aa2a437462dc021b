import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { withFakeWhatsApp } from '../test/fake-providers.js';
import { deliverDue, type Mail } from '../core/notifications/delivery.js';
import { deliverMessages, messengersOf } from '../core/notifications/phone-delivery.js';
import { act, domisili, publish, scan, upload } from '../layanan/test-fixtures.js';
import { file as fileRequest, request, step as ppidStep } from '../ppid/test-fixtures.js';
import { inviteFinishedCases } from './invitations.js';
import { ikmPerOpd, ikmPerUnit } from './read-model.js';

const ALL_FOURS = Array(9).fill(4);
const inviteLink = (text: string) => /\/skm\/isi\/([A-Za-z0-9_-]{20,64})/.exec(text)?.[1];

describeEachDatabase(
  'skm: invitations after an issued application and an answered information request',
  (h) => {
    const fake = withFakeWhatsApp(h);

    const answer = (token: string, scores: number[] = ALL_FOURS) => h().call('POST', `/api/v1/skm/invitations/${token}/answers`, { body: { scores } });

    it('each Layanan service is a unit that follows its renames; an issued application invites its applicant once, by account or by the number given at the counter', async () => {
      const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
      const officer = await h().staff('opd_officer', 'DISDUKCAPIL');
      await publish(h, admin.token, 'sk-domisili');
      await publish(h, admin.token, 'kk-pendatang');
      const kominfo = await h().staff('opd_admin', 'DISKOMINFOTIKSAN');
      await publish(h, kominfo.token, 'jaringan-wifi');

      expect(await inviteFinishedCases(h().ctx)).toBe(0);
      const units = async () => (await h().call('GET', '/api/v1/skm/units')).body.items as { id: number; kind: string; ref: string; name: string }[];
      const services = (await units()).filter((u) => u.kind === 'layanan');
      // The internal Wi-Fi service's applicants are OPD staff, not the public the survey asks.
      expect(services.map((u) => `${u.ref}:${u.name}`).sort()).toEqual(['kk-pendatang:Kartu Keluarga bagi Pendatang Baru', 'sk-domisili:Surat Keterangan Domisili']);

      // A resident with an account applies online; the counter files for a walk-in who has none.
      const citizen = await h().citizen({ fullName: 'Rahmawati' });
      const online = (await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: domisili() } })).body.number as string;
      for (const key of ['kk', 'pengantar_rt']) await upload(h, citizen.token, online, key, await scan(key));
      await act(h, citizen.token, online, 'submit');
      const walkIn = await h().call('POST', '/api/v1/layanan/applications', {
        token: officer.token,
        body: {
          serviceCode: 'kk-pendatang',
          answers: { nomor_skpwni: 'SKPWNI/1471/2026/00777', alamat_asal: 'Jl. Tuanku Tambusai No. 9, Pekanbaru', alamat: 'Jl. Ombak No. 3, Dumai', kelurahan: 'Purnama', anggota: [{ nama: 'Darmawan', nik: '1471011203790005', hubungan: 'kepala', tanggal_lahir: '1979-03-12' }], telepon: '081277006007', pernyataan: true },
          applicant: { fullName: 'Darmawan', nik: '1471011203790005', phone: '0812 7700 6007' },
        },
      });
      expect(walkIn.status, walkIn.text).toBe(201);
      const counter = walkIn.body.number as string;
      for (const key of ['skpwni', 'kk_lama']) await upload(h, officer.token, counter, key, await scan(key));
      await act(h, officer.token, counter, 'submit');
      // Not finished yet: nobody is invited.
      expect(await inviteFinishedCases(h().ctx)).toBe(0);

      await act(h, officer.token, online, 'pass');
      await act(h, admin.token, online, 'approve');
      expect((await act(h, officer.token, online, 'issue')).body.status).toBe('issued');
      await act(h, officer.token, counter, 'pass');
      await act(h, officer.token, counter, 'pass');
      await act(h, admin.token, counter, 'approve');
      expect((await act(h, officer.token, counter, 'issue')).body.status).toBe('issued');

      expect(await inviteFinishedCases(h().ctx)).toBe(2);
      expect(await inviteFinishedCases(h().ctx)).toBe(0);

      // The account: in the app, naming the application.
      await deliverDue(h().ctx, undefined);
      const inbox = await h().call('GET', '/api/v1/notifications', { token: citizen.token });
      const invitation = inbox.body.items.find((n: { link: string | null }) => n.link?.startsWith('/skm/isi/'));
      expect(invitation.body.id).toContain(`Permohonan ${online} sudah selesai.`);
      const token = inviteLink(invitation.link)!;
      const sk = services.find((u) => u.ref === 'sk-domisili')!;
      expect((await h().call('GET', `/api/v1/skm/invitations/${token}`)).body).toEqual({ unit: { id: sk.id, name: 'Surat Keterangan Domisili' }, answered: false });

      // The walk-in: on WhatsApp, at the number the counter wrote down.
      await deliverMessages(h().ctx, messengersOf(h().ctx.config));
      const sent = fake().whatsapp.filter((m) => m.to === '6281277006007');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.template!.params.join(' ')).toContain(`Permohonan ${counter} sudah selesai.`);

      // One answer per invitation.
      expect((await answer(token)).status).toBe(201);
      const again = await answer(token, Array(9).fill(1));
      expect([again.status, again.body.code]).toEqual([409, 'already_answered']);
      const mine = await h().call('GET', '/api/v1/account/data', { token: citizen.token });
      expect(mine.body.surveyInvitations).toMatchObject([{ caseKind: 'layanan', caseRef: online, unit: 'Surat Keterangan Domisili', answeredAt: expect.any(String) }]);

      // The read model: the service's IKM (all fours: 4.0, 100, A) and its OPD's, without anyone's identity.
      const today = new Date(h().now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const range = { startsOn: today, endsOn: today };
      const perUnit = await ikmPerUnit(h().ctx.db, range);
      expect(perUnit.find((u) => u.unitId === sk.id)).toMatchObject({ kind: 'layanan', opd: { code: 'DISDUKCAPIL' }, respondents: 1, ikm: 4, converted: 100, grade: 'A', published: false });
      expect(perUnit.find((u) => u.ref === 'kk-pendatang')).toMatchObject({ respondents: 0, ikm: null, grade: null });
      expect(JSON.stringify(perUnit)).not.toContain('Rahmawati');
      const dukcapil = (await ikmPerOpd(h().ctx.db, range)).find((o) => o.opd.code === 'DISDUKCAPIL');
      expect(dukcapil).toMatchObject({ units: 3, respondents: 1, converted: 100, grade: 'A' });
      expect(await ikmPerUnit(h().ctx.db, range, { opdId: dukcapil!.opd.id })).toHaveLength(3);

      // A renamed service: its unit follows, with the same public link.
      const renamed = await h().call('PATCH', '/api/v1/layanan/services/sk-domisili', { token: admin.token, body: { name: { id: 'Surat Keterangan Domisili Penduduk', en: 'Certificate of residence' } } });
      expect(renamed.status, renamed.text).toBeLessThan(300);
      await inviteFinishedCases(h().ctx);
      const after = (await units()).find((u) => u.id === sk.id)!;
      expect(after).toMatchObject({ ref: 'sk-domisili', name: 'Surat Keterangan Domisili Penduduk' });
    });

    it('an answered information request invites its requester once, by email without an account and in the app with one; a withdrawn one is not', async () => {
      const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
      const byEmail = await fileRequest(h, request({ email: 'fitriani@mail.test' }));
      const resident = await h().citizen({ fullName: 'Yusuf Hamdani' });
      const byAccount = await fileRequest(h, request({ fullName: 'Yusuf Hamdani', email: undefined, phone: '0812 7700 6008', deliveryMethod: 'collect' }), resident.token);
      const dropped = await fileRequest(h, request({ email: 'ragu@mail.test' }));
      await deliverDue(h().ctx, async () => undefined);

      for (const n of [byEmail.number, byAccount.number]) {
        expect((await ppidStep(h, n, 'verify', {}, { token: utama.token })).status).toBe(200);
      }
      expect((await ppidStep(h, dropped.number, 'withdraw', {}, { kunci: dropped.kunci })).status).toBe(200);
      expect(await inviteFinishedCases(h().ctx)).toBe(0);

      expect((await ppidStep(h, byEmail.number, 'grant', { message: 'Salinan kontrak terlampir.', costRupiah: 0 }, { token: utama.token })).status).toBe(200);
      expect((await ppidStep(h, byAccount.number, 'grant', { message: 'Silakan ambil salinannya di meja PPID.', costRupiah: 0 }, { token: utama.token })).status).toBe(200);
      expect(await inviteFinishedCases(h().ctx)).toBe(2);
      expect(await inviteFinishedCases(h().ctx)).toBe(0);

      const mails: Mail[] = [];
      await deliverDue(h().ctx, async (m) => void mails.push(m));
      const invitationMail = mails.find((m) => m.to === 'fitriani@mail.test' && m.text.includes('/skm/isi/'))!;
      expect(invitationMail.text).toContain(`Permohonan informasi ${byEmail.number} sudah dijawab.`);
      expect(mails.filter((m) => m.to === 'ragu@mail.test' && m.text.includes('/skm/isi/'))).toEqual([]);
      const emailToken = inviteLink(invitationMail.text)!;
      expect((await h().call('GET', `/api/v1/skm/invitations/${emailToken}`)).body.unit.name).toBe('Layanan Informasi Publik (PPID)');

      const inbox = await h().call('GET', '/api/v1/notifications', { token: resident.token });
      const accountToken = inviteLink(inbox.body.items.find((n: { link: string | null }) => n.link?.startsWith('/skm/isi/')).link)!;

      for (const token of [emailToken, accountToken]) {
        expect((await answer(token, [3, 3, 3, 3, 3, 3, 3, 3, 3])).status).toBe(201);
        expect((await answer(token)).status).toBe(409);
      }
      const today = new Date(h().now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const desk = (await ikmPerUnit(h().ctx.db, { startsOn: today, endsOn: today })).find((u) => u.kind === 'ppid_desk');
      // Two answers of all threes: IKM 3.0, × 25 = 75.00, band C (Kurang baik).
      expect(desk).toMatchObject({ opd: null, respondents: 2, ikm: 3, converted: 75, grade: 'C', label: { id: 'Kurang baik', en: 'Fair' } });
    });
  },
  { smtp: { url: 'smtp://127.0.0.1:1', from: 'Pemkot Dumai <noreply@dumaikota.go.id>' } },
);
