const DELAY_SECONDS = /^\d+$/;
// RFC 9110 section 5.6.7 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must still accept.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC850_DATE = /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

// An upstream's Retry-After counts for 60 s at most, both as the wait before a retry and as what the shopper is told;
// the shopper is told 1 s at least (docs/resilience.md, "Answer bounds"). A wait of 0 stays "now", as RFC 9110 has it.
export const MAX_RETRY_AFTER_MS = 60_000;

export function boundedRetryAfterMs(ms: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, ms);
}

// Whole seconds for the shopper's Retry-After header: 1 to 60.
export function retryAfterSecondsToTell(ms: number): number {
  return Math.max(1, Math.ceil(boundedRetryAfterMs(ms) / 1000));
}

// RFC 9110 section 10.2.3: Retry-After is delay-seconds or an HTTP-date; a date in the past means "now".
export function parseRetryAfterMs(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DELAY_SECONDS.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  const date = parseHttpDate(text);
  return date === undefined ? undefined : Math.max(0, date - now);
}

function parseHttpDate(text: string): number | undefined {
  let epochMs = Number.NaN;
  if (IMF_FIXDATE.test(text) || RFC850_DATE.test(text)) epochMs = Date.parse(text);
  // asctime carries no zone but is always UTC; without the suffix Date.parse would read it as local time.
  else if (ASCTIME_DATE.test(text)) epochMs = Date.parse(`${text} GMT`);
  return Number.isNaN(epochMs) ? undefined : epochMs;
}
