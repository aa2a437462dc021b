import { useState } from 'react';
import { api } from '../lib/api';
import { useT } from '../lib/i18n';
import { m } from './messages';

export type Point = { lat: number; lng: number };

/** "Use my location": the phone's position for where the work is, shown once taken. */
export function LocationButton({ value, onChange }: { value: Point | null; onChange: (p: Point) => void }) {
  const t = useT(m);
  const [busy, setBusy] = useState(false);
  const take = () => {
    if (!navigator.geolocation) return;
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        onChange({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 });
      },
      () => setBusy(false),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return (
    <div className="field">
      <button type="button" className="btn" onClick={take} disabled={busy}>{t('useLocation')}</button>
      {value ? <p className="hint" role="status">{t('locationSet', { lat: value.lat, lng: value.lng })}</p> : null}
    </div>
  );
}

/** Uploads the chosen photos through the one photo pipeline; their ids go with the report. */
export async function uploadPhotos(files: readonly File[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('photo', file, file.name);
    ids.push((await api<{ id: string }>('POST', '/uploads', { form })).id);
  }
  return ids;
}
