/**
 * A person's rights under UU 27/2022 across every module: "download my data" holds what each module
 * keeps about them, and deleting the account leaves no link from any table to them. A module that
 * registers personal data must say here how a citizen's data gets into it; the erasure check needs no
 * such help — it follows every foreign key to `users` the schema has.
 */
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase, type Harness } from './harness.js';
import { fileReport, photo, step, upload } from './fixtures.js';
import { inviteFinishedCases } from '../skm/invitations.js';
import { complaintBody, household } from '../kemiskinan/test-fixtures.js';
import { domisili, publish, scan, upload as uploadRequirement } from '../layanan/test-fixtures.js';
import { MODULES } from '../modules.js';

type Citizen = Awaited<ReturnType<Harness['citizen']>>;
/**
 * What was filed: the export section that must hold it, its number, and the table it stays in.
 * `key`: the number's field and column when it is not the tracking number (PPID's registration number).
 */
type Filed = { section: string; trackingNumber: string; table: string; key?: { field: string; column: string } }[];

const FILE_FOR: Record<string, (h: Harness, citizen: Citizen) => Promise<Filed>> = {
  aduan: async (h, citizen) => {
    const pic = await upload(h, citizen.token, await photo());
    return [{ section: 'reports', trackingNumber: await fileReport(h, citizen.token, { photoIds: [pic.body.id] }), table: 'reports' }];
  },
  kemiskinan: async (h, citizen) => {
    const res = await h.call('POST', '/api/v1/kemiskinan/complaints', { token: citizen.token, body: complaintBody(household(citizen.nik)) });
    if (res.status !== 201) throw new Error(`kemiskinan filing failed: ${res.text}`);
    return [{ section: 'povertyComplaints', trackingNumber: res.body.trackingNumber as string, table: 'kemiskinan_complaints' }];
  },
  ppid: async (h, citizen) => {
    const body = {
      identityType: 'nik',
      identityNumber: citizen.nik,
      fullName: 'Rahmawati Siregar',
      address: 'Jl. Sudirman 5, Dumai',
      email: 'rahmawati@mail.test',
      information: 'Daftar penerima bantuan sosial kelurahan saya tahun 2026.',
      purpose: 'Memeriksa data keluarga saya.',
      obtainMethod: 'soft_copy',
      deliveryMethod: 'email',
    };
    const res = await h.call('POST', '/api/v1/ppid/requests', { token: citizen.token, body });
    if (res.status !== 201) throw new Error(`ppid filing failed: ${res.text}`);
    const key = { field: 'registrationNumber', column: 'registration_number' };
    return [{ section: 'informationRequests', trackingNumber: res.body.registrationNumber as string, table: 'ppid_requests', key }];
  },
  layanan: async (h, citizen) => {
    await publish(() => h, (await h.staff('opd_admin', 'DISDUKCAPIL')).token, 'sk-domisili');
    const res = await h.call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: domisili() } });
    if (res.status !== 201) throw new Error(`layanan filing failed: ${res.text}`);
    await uploadRequirement(() => h, citizen.token, res.body.number as string, 'kk', await scan('Kartu Keluarga'));
    return [{ section: 'serviceApplications', trackingNumber: res.body.number as string, table: 'layanan_applications', key: { field: 'number', column: 'number' } }];
  },
  skm: async (h, citizen) => {
    // A closed complaint brings a survey invitation; the report itself is aduan's.
    const tn = await fileReport(h, citizen.token);
    await step(h, (await h.staff('triage_admin', 'DISKOMINFOTIKSAN')).token, tn, 'disposition', { opdCodes: ['PUPR'] });
    await step(h, (await h.staff('opd_officer', 'PUPR')).token, tn, 'resolve', { message: 'Sudah diperbaiki.' });
    await step(h, citizen.token, tn, 'confirm', { rating: 5 });
    if ((await inviteFinishedCases(h.ctx)) !== 1) throw new Error('skm invitation not sent');
    return [
      { section: 'reports', trackingNumber: tn, table: 'reports' },
      { section: 'surveyInvitations', trackingNumber: tn, table: 'skm_invitations', key: { field: 'caseRef', column: 'case_ref' } },
    ];
  },
};

/** Every column with a foreign key to users(id), from the database's own catalogue. */
async function columnsReferencingUsers(h: Harness): Promise<{ table: string; column: string }[]> {
  const res = (await h.ctx.db.execute(sql`
    select kcu.table_name as "table", kcu.column_name as "column"
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
    where ccu.table_name = 'users' and ccu.column_name = 'id'
    order by 1, 2`)) as unknown as { rows: { table: string; column: string }[] };
  return res.rows;
}

describeEachDatabase('personal data in every module (UU 27/2022)', (h) => {
  it('every module that holds personal data is exercised here', () => {
    const holders = MODULES.filter((m) => m.personalData).map((m) => m.name);
    expect(holders.filter((name) => !FILE_FOR[name])).toEqual([]);
    expect(holders).toEqual(expect.arrayContaining(['aduan', 'kemiskinan', 'ppid']));
  });

  it('exports what every module holds about the citizen, and erasure unlinks all of it', async () => {
    const citizen = await h().citizen({ fullName: 'Rahmawati Siregar' });
    const filed: Filed = [];
    for (const m of MODULES.filter((x) => x.personalData)) filed.push(...(await FILE_FOR[m.name]!(h(), citizen)));

    const exported = await h().call('GET', '/api/v1/account/data', { token: citizen.token });
    expect(exported.status).toBe(200);
    for (const f of filed) {
      const section = exported.body[f.section] as Record<string, string>[];
      expect(section.map((x) => x[f.key?.field ?? 'trackingNumber']), f.section).toContain(f.trackingNumber);
    }
    // The citizen sees their own household's NIKs in their own export, and nobody else's data.
    expect(exported.body.povertyComplaints[0].household.members.length).toBeGreaterThan(0);

    const references = await columnsReferencingUsers(h());
    expect(references.length).toBeGreaterThan(5);
    const linked = async () => {
      const found: string[] = [];
      for (const { table, column } of references) {
        const res = (await h().ctx.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${citizen.userId}`)) as unknown as { rows: { n: number }[] };
        if (res.rows[0]!.n > 0) found.push(`${table}.${column}`);
      }
      return found;
    };
    // Before: the filings link to the citizen in several modules' tables.
    expect((await linked()).length).toBeGreaterThanOrEqual(filed.length);

    const del = await h().call('DELETE', '/api/v1/account', { token: citizen.token, body: { password: 'kata-sandi-1' } });
    expect(del.body).toEqual({ deleted: true, reportsKeptAnonymously: filed.length });
    expect(await linked()).toEqual([]);

    // The records themselves stay for the city's work.
    for (const f of filed) {
      const res = (await h().ctx.db.execute(sql`select count(*)::int as n from ${sql.identifier(f.table)} where ${sql.identifier(f.key?.column ?? 'tracking_number')} = ${f.trackingNumber}`)) as unknown as { rows: { n: number }[] };
      expect(res.rows[0]!.n, f.trackingNumber).toBe(1);
    }
  });
});
