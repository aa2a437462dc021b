import { useEffect, useRef, useState } from 'react';
import type * as Leaflet from 'leaflet';
import { api } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { m } from './messages';
import type { OpenMap } from './types';

interface Site {
  city: { lat: number; lng: number };
  map: { tileUrl: string; attribution: string };
}

/**
 * The open reports on a Leaflet map. This module (Leaflet and its CSS) loads only when the
 * dashboard shows the map; if the tile server fails the markers still draw and the page's list per
 * kelurahan carries the same numbers. Popups are built with textContent, never parsed as HTML.
 */
export default function OpenReportsMap({ data }: { data: OpenMap }) {
  const t = useT(m);
  const { lang } = useLang();
  const el = useRef<HTMLDivElement>(null);
  const [lib, setLib] = useState<typeof Leaflet | null>(null);
  const map = useRef<Leaflet.Map | null>(null);
  const layer = useRef<Leaflet.LayerGroup | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css'), api<Site>('GET', '/site')]).then(
      ([mod, , site]) => {
        if (!live || !el.current) return;
        const L = ((mod as unknown as { default?: typeof Leaflet }).default ?? mod) as typeof Leaflet;
        const mp = L.map(el.current).setView([site.city.lat, site.city.lng], 12);
        const tiles = L.tileLayer(site.map.tileUrl, { attribution: site.map.attribution, maxZoom: 19 });
        tiles.on('tileerror', () => setFailed(true));
        tiles.addTo(mp);
        layer.current = L.layerGroup().addTo(mp);
        map.current = mp;
        setLib(L);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      map.current?.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const L = lib;
    if (!L || !layer.current || !map.current) return;
    layer.current.clearLayers();
    const latlngs: Leaflet.LatLngExpression[] = [];
    for (const p of data.points) {
      const popup = document.createElement('div');
      const strong = document.createElement('strong');
      strong.textContent = p.trackingNumber;
      popup.append(strong, document.createElement('br'), `${p.category[lang]} · ${p.statusLabel[lang]}${p.overdue ? ` · ${t('overdueMark')}` : ''}`);
      L.circleMarker([p.lat, p.lng], { radius: 9, color: '#fff', weight: 2, fillColor: p.overdue ? '#b42318' : '#1a56a8', fillOpacity: 0.95 })
        .bindPopup(popup)
        .addTo(layer.current);
      latlngs.push([p.lat, p.lng]);
    }
    const max = Math.max(1, ...data.clusters.map((c) => c.count));
    for (const c of data.clusters) {
      L.circleMarker([c.lat, c.lng], { radius: 10 + 20 * Math.sqrt(c.count / max), color: '#fff', weight: 2, fillColor: '#1a56a8', fillOpacity: 0.85 })
        .bindTooltip(formatNumber(c.count, lang), { permanent: true, direction: 'center', className: 'map-count' })
        .addTo(layer.current);
      latlngs.push([c.lat, c.lng]);
    }
    if (latlngs.length) map.current.fitBounds(L.latLngBounds(latlngs), { padding: [32, 32], maxZoom: 15 });
  }, [lib, data, lang, t]);

  return (
    <div>
      {!lib && !failed ? (
        <p className="loading" role="status">
          {t('mapLoading')}
        </p>
      ) : null}
      {failed ? (
        <p className="alert alert-info" role="status">
          {t('mapFailed')}
        </p>
      ) : null}
      <div ref={el} className="map dashboard-map" role="region" aria-label={t('mapLabel')} />
    </div>
  );
}
