import { describe, expect, it } from 'vitest';
import { bandOf, computeIkm, display, minimumSample, UNSUR } from './regulation.js';
import { EXAMPLE, EXAMPLE_ROWS } from './test-fixtures.js';

describe('SKM computation (PermenPANRB 14/2017)', () => {
  it('has the nine unsur of the regulation in its order', () => {
    expect(UNSUR.map((u) => u.id)).toEqual([
      'Persyaratan',
      'Sistem, mekanisme, dan prosedur',
      'Waktu penyelesaian',
      'Biaya/tarif',
      'Produk spesifikasi jenis pelayanan',
      'Kompetensi pelaksana',
      'Perilaku pelaksana',
      'Penanganan pengaduan, saran dan masukan',
      'Sarana dan prasarana',
    ]);
  });

  it('matches the hand-computed example of ten respondents (worked in test-fixtures.ts)', () => {
    const totals = UNSUR.map((_, i) => EXAMPLE_ROWS.reduce((s, row) => s + row[i]!, 0));
    expect(totals).toEqual(EXAMPLE.totals);
    const r = computeIkm(totals, EXAMPLE_ROWS.length)!;
    expect(r.respondents).toBe(10);
    expect(r.unsur.map((u) => display.nrr(u.nrr))).toEqual(EXAMPLE.nrr);
    expect(r.unsur.map((u) => display.weighted(u.weighted))).toEqual(EXAMPLE.weighted);
    expect(display.ikm(r.ikm)).toBe(EXAMPLE.ikm);
    expect(r.ikm).toBeCloseTo(29.2 / 9, 12);
    expect(display.converted(r.converted)).toBe(EXAMPLE.converted);
    expect(r.band.grade).toBe(EXAMPLE.grade);
    expect(r.band.id).toBe(EXAMPLE.label);
  });

  it('gives no index without answers, and refuses a wrong number of unsur', () => {
    expect(computeIkm([0, 0, 0, 0, 0, 0, 0, 0, 0], 0)).toBeNull();
    expect(() => computeIkm([1, 2, 3], 1)).toThrow();
  });

  it('reaches the table’s ends: all fours 100.00 A, all ones 25.00 D', () => {
    const fours = computeIkm(Array(9).fill(40), 10)!;
    expect(display.converted(fours.converted)).toBe(100);
    expect(fours.band.grade).toBe('A');
    const ones = computeIkm(Array(9).fill(10), 10)!;
    expect(display.converted(ones.converted)).toBe(25);
    expect(ones.band.grade).toBe('D');
  });

  it('bands by the regulation’s interval table at its edges', () => {
    expect(bandOf(64.99).grade).toBe('D');
    expect(bandOf(65.0).grade).toBe('C');
    expect(bandOf(76.6).grade).toBe('C');
    expect(bandOf(76.61).grade).toBe('B');
    expect(bandOf(88.3).grade).toBe('B');
    expect(bandOf(88.31).grade).toBe('A');
    expect(bandOf(100).grade).toBe('A');
    // 3.064 × 25 = 76.60 (C) and 3.0644 × 25 = 76.61 (B): the raw table's two edges.
    expect(bandOf(3.064 * 25).grade).toBe('C');
    expect(bandOf(3.0644 * 25).grade).toBe('B');
    expect(bandOf(3.5324 * 25).grade).toBe('A');
    expect(bandOf(2.5996 * 25).grade).toBe('D');
  });

  it('gives Krejcie & Morgan’s minimum sample for the published table’s populations', () => {
    const table: [number, number][] = [
      [10, 10], [15, 14], [20, 19], [50, 44], [100, 80], [150, 108], [200, 132], [300, 169], [500, 217],
      [1000, 278], [2000, 322], [5000, 357], [10000, 370], [20000, 377], [50000, 381], [75000, 382],
    ];
    for (const [population, sample] of table) expect([population, minimumSample(population)]).toEqual([population, sample]);
    expect(minimumSample(0)).toBe(0);
    expect(minimumSample(3)).toBe(3);
    expect(() => minimumSample(-1)).toThrow();
  });
});
