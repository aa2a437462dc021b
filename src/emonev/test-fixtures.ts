/** A DPA the API tests and the browser test enter: one PUPR road package, one DLH rubbish package (2026). */
export const S_CURVE = [0, 2, 12, 20, 30, 42, 55, 68, 80, 90, 96, 100];
const money = (budget: number) => S_CURVE.map((x) => Math.round((budget * x) / 100));

export const subActivity = (code: string, budget: number, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `Sub-kegiatan ${code}`,
  budget,
  output: 'Rehabilitasi jalan 2,4 km',
  plan: { physical: S_CURVE, financial: money(budget) },
  location: { lat: 1.6856, lng: 101.4478 },
  ...overrides,
});

export const dpa = (opdCode: string, prefix: string, budget: number, sub: Record<string, unknown> = {}) => ({
  opdCode,
  year: 2026,
  programmes: [{ code: prefix, name: `Program ${prefix}`, activities: [{ code: `${prefix}.2.01`, name: `Kegiatan ${prefix}.2.01`, subActivities: [subActivity(`${prefix}.2.01.0015`, budget, sub)] }] }],
});

export const PUPR_DPA = dpa('PUPR', '1.03.10', 4_000_000_000, { name: 'Rehabilitasi Jalan Sultan Syarif Kasim' });
export const DLH_DPA = dpa('DLH', '2.11.03', 900_000_000, { name: 'Penyediaan sarana persampahan', output: '120 bak sampah' });
