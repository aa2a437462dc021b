import { useEffect, useRef, useState } from 'react';
import { defineMessages, useT } from '../lib/i18n';

/**
 * "Use my location": a resident usually files standing at the problem, so the phone's position is
 * the quickest and most precise point. Shown only where the browser can tell it (secure pages).
 */
const m = defineMessages({
  id: {
    useMyLocation: 'Gunakan lokasi saya',
    locating: 'Mencari lokasi Anda…',
    failed: 'Lokasi Anda tidak dapat dibaca. Ketuk peta atau pilih kelurahan.',
    denied: 'Izin lokasi ditolak. Ketuk peta atau pilih kelurahan.',
  },
  en: {
    useMyLocation: 'Use my location',
    locating: 'Finding your location…',
    failed: 'Your location could not be read. Tap the map or choose the kelurahan.',
    denied: 'Location permission was refused. Tap the map or choose the kelurahan.',
  },
});

export function LocateButton({ picked, onFound }: { picked: { lat: number; lng: number } | null; onFound: (p: { lat: number; lng: number }) => void }) {
  const t = useT(m);
  const [state, setState] = useState<'idle' | 'locating' | 'failed' | 'denied'>('idle');
  // A fix can take many seconds: it is dropped when the resident picked a point meanwhile or left the step.
  const asked = useRef(0);
  useEffect(() => {
    asked.current++;
    setState((s) => (s === 'locating' ? 'idle' : s));
  }, [picked?.lat, picked?.lng]);
  useEffect(() => () => void asked.current++, []);
  if (!('geolocation' in navigator) || !window.isSecureContext) return null;
  const locate = () => {
    const ask = ++asked.current;
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        if (ask !== asked.current) return;
        setState('idle');
        onFound({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      (err) => ask === asked.current && setState(err.code === err.PERMISSION_DENIED ? 'denied' : 'failed'),
      // A fix from the last minute is still where the resident stands; weak networks get time.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="locate">
      <button type="button" className="btn" onClick={locate} disabled={state === 'locating'}>
        {t('useMyLocation')}
      </button>
      <span role="status" className="hint">
        {state === 'idle' ? '' : t(state)}
      </span>
    </div>
  );
}
