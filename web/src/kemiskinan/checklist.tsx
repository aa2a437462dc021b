/** The volunteer's checklist of living conditions: its answers, and how a recorded one reads. */
import { Fragment } from 'react';
import { pick, useLang, useT, type Message } from '../lib/i18n';
import { m, type Key } from './messages';

/** The checklist's answers, in the order a volunteer reads them (poorest first). */
export const CHOICES: Record<string, Record<string, Message>> = {
  floor: { tanah: { id: 'Tanah', en: 'Earth' }, papan: { id: 'Papan', en: 'Wooden boards' }, semen: { id: 'Semen', en: 'Cement' }, keramik: { id: 'Keramik', en: 'Tiles' } },
  wall: {
    bambu: { id: 'Bambu', en: 'Bamboo' },
    papan: { id: 'Papan', en: 'Wooden boards' },
    tembok_tanpa_plester: { id: 'Tembok tanpa plester', en: 'Unplastered brick' },
    tembok: { id: 'Tembok', en: 'Brick' },
  },
  roof: { rumbia: { id: 'Rumbia', en: 'Thatch' }, seng_bocor: { id: 'Seng bocor', en: 'Leaking metal sheet' }, seng: { id: 'Seng', en: 'Metal sheet' }, genteng: { id: 'Genteng', en: 'Roof tiles' } },
  water: {
    sungai_hujan: { id: 'Sungai / air hujan', en: 'River / rain water' },
    sumur: { id: 'Sumur', en: 'Well' },
    isi_ulang: { id: 'Air isi ulang', en: 'Refilled water' },
    pdam: { id: 'PDAM (ledeng)', en: 'Piped water (PDAM)' },
  },
  electricity: {
    tidak_ada: { id: 'Tidak ada', en: 'None' },
    menumpang: { id: 'Menumpang tetangga', en: "From a neighbour's meter" },
    '450va': { id: 'PLN 450 VA', en: 'PLN 450 VA' },
    '900va_lebih': { id: 'PLN 900 VA atau lebih', en: 'PLN 900 VA or more' },
  },
  toilet: { tidak_ada: { id: 'Tidak ada', en: 'None' }, bersama: { id: 'Bersama', en: 'Shared' }, sendiri: { id: 'Sendiri', en: 'Own' } },
  cookingFuel: {
    kayu: { id: 'Kayu bakar', en: 'Firewood' },
    minyak_tanah: { id: 'Minyak tanah', en: 'Kerosene' },
    gas_3kg: { id: 'Gas 3 kg', en: 'LPG 3 kg' },
    gas_listrik: { id: 'Gas besar / listrik', en: 'Larger LPG / electric' },
  },
};

const COUNTS = ['meals', 'earners'] as const;
const FLAGS = ['sickOrDisabled', 'childrenOutOfSchool'] as const;
const YES: Message = { id: 'Ya', en: 'Yes' };
const NO: Message = { id: 'Tidak', en: 'No' };

/** A recorded checklist as label–answer pairs, in the form's order. */
export function ChecklistView({ checklist }: { checklist: Record<string, unknown> }) {
  const t = useT(m);
  const { lang } = useLang();
  const rows: [string, string][] = [
    ...Object.entries(CHOICES).map(([k, options]): [string, string] => {
      const label = options[String(checklist[k])];
      return [k, label ? pick(label, lang) : String(checklist[k] ?? '—')];
    }),
    ...COUNTS.map((k): [string, string] => [k, String(checklist[k] ?? '—')]),
    ...FLAGS.map((k): [string, string] => [k, pick(checklist[k] ? YES : NO, lang)]),
  ];
  return (
    <dl className="kms-checklist">
      {rows.map(([k, value]) => (
        <Fragment key={k}>
          <dt>{t(k as Key)}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
