import autocannon from 'autocannon';
import { windowFigures, type Answered } from './load-window';

export interface LoadOptions {
  url: string;
  connections: number;
  // The measured window, after the opening.
  durationS: number;
  // Driven but not measured: the connections open and the server's upstream pools fill. Errors in it still count.
  openingS?: number;
  // The JSON body of each request; called once per request, so a cold run can hand out a new cart id each time.
  body: () => string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  // Socket errors, timeouts and non-2xx answers together, over the whole load: any of them is a failed checkout.
  errors: number;
  sent: number;
  // Answered within the measured window, whatever the status.
  completed: number;
}

const REQUEST_TIMEOUT_S = 10;

export async function driveLoad(options: LoadOptions): Promise<LoadFigures> {
  const openingS = options.openingS ?? 0;
  const answered: Answered[] = [];
  const startedAt = performance.now();
  const settings: autocannon.Options = {
    url: `${options.url}/checkout/session`,
    connections: options.connections,
    duration: openingS + options.durationS,
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: options.body() }),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(settings, (error: Error | null, figures) => (error ? reject(error) : resolve(figures)));
    instance.on('response', (_client, statusCode, _bytes, latencyMs) => {
      answered.push({ doneAtMs: performance.now() - startedAt, latencyMs, ok: statusCode >= 200 && statusCode < 300 });
    });
  });
  return {
    ...windowFigures(answered, openingS * 1000, options.durationS * 1000),
    errors: result.errors + result.non2xx,
    sent: result.requests.sent,
  };
}
