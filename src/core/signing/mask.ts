/**
 * A holder's name as the public verification page shows it: the first letters of each word and a
 * fixed tail, "Budi Santoso" → "Bu*** Sa***". The tail's length is fixed so it does not tell the
 * name's length; a stranger holding the paper can match it, a stranger without it learns little.
 */
export function maskName(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((word) => {
      const letters = Array.from(word);
      return `${letters.slice(0, letters.length > 3 ? 2 : 1).join('')}***`;
    })
    .join(' ');
}
