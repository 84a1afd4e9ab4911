// Playground inputs <-> query string. On the Playgrounds page each playground's inputs live in the URL
// (#/playgrounds/analogy?a=man&b=king&c=woman) so a link reproduces the question; inside a lesson there is no sync.
export type ParamsChange = (params: Record<string, string>) => void;

export function boolParam(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  return v === '1' || v === 'true';
}

export function numParam(v: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
