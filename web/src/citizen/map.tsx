import { useEffect, useRef, useState } from 'react';
import type * as Leaflet from 'leaflet';
import { defineMessages, useT } from '../lib/i18n';
import { loadReference } from './reference';

/**
 * Leaflet, loaded only when a map is on screen (it and its CSS stay out of the initial bundle).
 * Markers are drawn as circles (no image files) and popups are DOM nodes built with textContent,
 * so report text is never parsed as HTML.
 */
const m = defineMessages({
  id: { tilesFailed: 'Peta dasar tidak dapat dimuat (koneksi lemah).', loading: 'Memuat peta…', pickCentre: 'Pilih titik tengah peta' },
  en: { tilesFailed: 'The base map could not load (weak connection).', loading: 'Loading map…', pickCentre: 'Use the centre of the map' },
});

export interface MapMarker {
  lat: number;
  lng: number;
  title: string;
  onOpen?: () => void;
}

interface Props {
  label: string;
  center?: { lat: number; lng: number } | undefined;
  zoom?: number;
  markers?: MapMarker[];
  picked?: { lat: number; lng: number } | null;
  /** Also offers a crosshair and a button that picks the map's centre: the way to pick by keyboard (arrow keys pan the focused map). */
  onPick?: (p: { lat: number; lng: number }) => void;
  onBoundsChange?: (bbox: [number, number, number, number]) => void;
  /** What the page offers instead when the base map cannot load. */
  fallbackHint?: string;
}

export function MapView({ label, center, zoom = 13, markers = [], picked, onPick, onBoundsChange, fallbackHint }: Props) {
  const t = useT(m);
  const el = useRef<HTMLDivElement>(null);
  const [L, setL] = useState<typeof Leaflet | null>(null);
  const map = useRef<Leaflet.Map | null>(null);
  const layer = useRef<Leaflet.LayerGroup | null>(null);
  const pin = useRef<Leaflet.CircleMarker | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  // Picking waits for the first tile: a point tapped on a blank map (tiles still loading, or failed
  // on a weak connection) would place the report somewhere the citizen never saw.
  const [tilesShown, setTilesShown] = useState(false);
  const canPick = Boolean(onPick && L && tilesShown);
  const handlers = useRef({ onPick, onBoundsChange, canPick });
  handlers.current = { onPick, onBoundsChange, canPick };

  useEffect(() => {
    let live = true;
    void Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css'), loadReference('site')]).then(([mod, , site]) => {
      if (!live || !el.current) return;
      const lib = ((mod as unknown as { default?: typeof Leaflet }).default ?? mod) as typeof Leaflet;
      const start = center ?? { lat: site.city.lat, lng: site.city.lng };
      const mp = lib.map(el.current, { zoomControl: true }).setView([start.lat, start.lng], zoom);
      const tiles = lib.tileLayer(site.map.tileUrl, { attribution: site.map.attribution, maxZoom: 19 });
      tiles.on('tileerror', () => setTilesFailed(true));
      tiles.on('tileload', () => setTilesShown(true));
      tiles.addTo(mp);
      mp.on('click', (e: Leaflet.LeafletMouseEvent) => {
        if (handlers.current.canPick) handlers.current.onPick?.({ lat: e.latlng.lat, lng: e.latlng.lng });
      });
      mp.on('moveend', () => {
        const b = mp.getBounds();
        handlers.current.onBoundsChange?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      });
      layer.current = lib.layerGroup().addTo(mp);
      map.current = mp;
      setL(lib);
    });
    return () => {
      live = false;
      map.current?.remove();
      map.current = null;
    };
    // The map is created once; later centre changes pan it (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!L || !layer.current) return;
    layer.current.clearLayers();
    for (const mk of markers) {
      const popup = document.createElement('div');
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'map-popup-link';
      link.textContent = mk.title;
      link.addEventListener('click', () => mk.onOpen?.());
      popup.appendChild(link);
      L.circleMarker([mk.lat, mk.lng], { radius: 8, color: '#07432a', weight: 2, fillColor: '#0b5d3b', fillOpacity: 0.8 }).bindPopup(popup).addTo(layer.current);
    }
    // Show every listed report: the view follows the list, not the other way round.
    if (markers.length && map.current) map.current.fitBounds(L.latLngBounds(markers.map((mk) => [mk.lat, mk.lng] as [number, number])), { maxZoom: 16, padding: [24, 24] });
  }, [L, markers]);

  useEffect(() => {
    if (!L || !map.current) return;
    if (pin.current) pin.current.remove();
    pin.current = picked ? L.circleMarker([picked.lat, picked.lng], { radius: 10, color: '#b42318', weight: 3, fillColor: '#b42318', fillOpacity: 0.6 }).addTo(map.current) : null;
  }, [L, picked]);

  useEffect(() => {
    if (map.current && center) map.current.panTo([center.lat, center.lng]);
  }, [center?.lat, center?.lng]); // eslint-disable-line react-hooks/exhaustive-deps

  const pickCentre = () => {
    const c = map.current?.getCenter();
    if (c) handlers.current.onPick?.({ lat: c.lat, lng: c.lng });
  };

  return (
    <div className="map-wrap">
      <div className="map-frame">
        <div ref={el} className="map" role="region" aria-label={label} />
        {canPick ? <span className="map-crosshair" aria-hidden="true" /> : null}
      </div>
      {canPick ? (
        <button type="button" className="btn" onClick={pickCentre}>
          {t('pickCentre')}
        </button>
      ) : null}
      {!L || (onPick && !tilesShown && !tilesFailed) ? <p className="hint">{t('loading')}</p> : null}
      {tilesFailed && !tilesShown ? (
        <p className="alert alert-info" role="status">
          {t('tilesFailed')} {fallbackHint}
        </p>
      ) : null}
    </div>
  );
}
