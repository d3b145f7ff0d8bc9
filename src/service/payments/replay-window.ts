// Unix seconds as Primer writes them, a number or a string of digits (an optional fraction allowed).
const UNIX_SECONDS = /^\d{1,12}(\.\d{1,9})?$/;

// The signed body's signedAt in epoch milliseconds, or undefined when it is absent or not a Unix time.
function signedAtMs(signedAt: unknown): number | undefined {
  if (typeof signedAt === 'number') return Number.isFinite(signedAt) && signedAt >= 0 ? signedAt * 1000 : undefined;
  if (typeof signedAt === 'string' && UNIX_SECONDS.test(signedAt)) return Number(signedAt) * 1000;
  return undefined;
}

// Within PRIMER_WEBHOOK_TOLERANCE_S of the service's clock, past or future: a replayed or pre-dated delivery is refused.
export function isWithinReplayWindow(signedAt: unknown, toleranceS: number, nowMs: number): boolean {
  const at = signedAtMs(signedAt);
  return at !== undefined && Math.abs(nowMs - at) <= toleranceS * 1000;
}
