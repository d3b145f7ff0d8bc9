// One POST to the checkout session service, with its timeout and the client's one automatic retry.
import { CheckoutSessionError, problemFrom } from './service-error.js';

export interface ServiceCallOptions {
  endpoint?: string;
  // Per attempt; above the service's own budget (order service 3 s + Primer 10 s), so its 504 normally comes first.
  timeoutMs?: number;
  // The one automatic retry waits Retry-After (1 s without it), but never longer than this; past it the caller decides.
  longestRetryWaitMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

// A 2xx answer, its body not read yet.
export interface ServiceAnswer {
  response: Response;
  requestId: string | null;
}

const DEFAULTS = { timeoutMs: 15_000, longestRetryWaitMs: 5_000 };
// A retry without Retry-After waits this long.
const DEFAULT_RETRY_WAIT_MS = 1_000;

// How long to wait before the one automatic retry, or null for none. Both routes are idempotent, so a request
// that may have reached a replica which then died is safe to send again: no answer at all, or a proxy's 502/503;
// and the service's own 503/504 say the upstream may be back in a moment. Never a 4xx, a timeout or a second retry.
export function automaticRetryDelayMs(error: CheckoutSessionError, attempt: number, longestWaitMs: number): number | null {
  if (attempt > 1) return null;
  const retried = error.code === 'network_error' || error.status === 503 || error.status === 504 || (error.status === 502 && error.fromProxy);
  if (!retried) return null;
  const waitMs = error.retryAfterSeconds === null ? DEFAULT_RETRY_WAIT_MS : error.retryAfterSeconds * 1000;
  return waitMs <= longestWaitMs ? waitMs : null;
}

// Resolves to a 2xx answer, or rejects with a CheckoutSessionError (or the caller's abort reason); retries once by the rule above.
export async function postToService(endpoint: string, body: object, options: ServiceCallOptions): Promise<ServiceAnswer> {
  const settings = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(endpoint, body, settings);
    } catch (error) {
      const delayMs = error instanceof CheckoutSessionError ? automaticRetryDelayMs(error, attempt, settings.longestRetryWaitMs) : null;
      if (delayMs === null) throw error;
      await sleep(delayMs, settings.signal);
    }
  }
}

async function attemptOnce(endpoint: string, body: object, settings: typeof DEFAULTS & ServiceCallOptions): Promise<ServiceAnswer> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (settings.fetch ?? fetch)(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (settings.signal?.aborted) throw cause;
    throw new CheckoutSessionError(0, timeout.aborted ? 'timeout' : 'network_error', String(cause), null, null);
  }
  const requestId = response.headers.get('X-Request-Id');
  if (!response.ok) throw await problemFrom(response, requestId);
  return { response, requestId };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortReason(signal))), { once: true });
  });
}

// The caller's own reason when it gave an Error, as fetch would reject with it.
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
