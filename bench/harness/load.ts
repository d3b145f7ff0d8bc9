import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  // The JSON body of each request; called once per request, so a cold run can hand out a new cart id each time.
  body: () => string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  // Socket errors, timeouts and non-2xx answers together: any of them is a failed checkout.
  errors: number;
  sent: number;
  // Answered, whatever the status.
  completed: number;
}

const REQUEST_TIMEOUT_S = 10;

export async function driveLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: `${options.url}/checkout/session`,
    connections: options.connections,
    duration: options.durationS,
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: options.body() }),
      },
    ],
  });
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.non2xx,
    sent: result.requests.sent,
    completed: result['2xx'] + result.non2xx,
  };
}
