/** The kelurahan of a city as `<option>`s grouped by kecamatan, for any kelurahan select. */
export function KelurahanOptions({ regions }: { regions: { code: string; name: string; kelurahan: { code: string; name: string }[] }[] }) {
  return (
    <>
      {regions.map((k) => (
        <optgroup key={k.code} label={k.name}>
          {k.kelurahan.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
