// Primer writes `2026-11-26T14:53:51.578695`: UTC with no zone, so a bare Date.parse would read local time.
const PRIMER_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]00:?00)?$/;

export function parsePrimerExpiry(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = PRIMER_TIMESTAMP.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '0'] = match;
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  const epoch = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const roundTrip = new Date(epoch);
  // Date.UTC rolls 2026-02-30 over to March; a real timestamp survives the round trip.
  return roundTrip.getUTCDate() === Number(day) && roundTrip.getUTCHours() === Number(hour) ? epoch : undefined;
}
