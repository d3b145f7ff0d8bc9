import { afterDelay } from '../support/fake-http-server';
import { created } from '../support/fake-primer';
import { useFakeUpstreams } from '../support/component-stack';
import { buildTestApp } from '../support/test-app';
import { expectProblem, openSessionTimed } from './support/shopper-answer';

const PRIMER_TIMEOUT_MS = 600;
const SLOW_PRIMER_MS = 2_500;
// The cart load and a loaded CI machine on top of the Primer budget; still well short of the slow Primer's answer.
const MARGIN_MS = 900;

const upstreams = useFakeUpstreams();

describe('the bound on connections per upstream (UPSTREAM_MAX_CONNECTIONS)', () => {
  it('when a slow Primer holds every connection, then a request that needs another waits within its budget and gets 504, and Primer never has two at once', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const slow = (req: Parameters<typeof created>[0], res: Parameters<typeof created>[1]) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      res.on('close', () => (inFlight -= 1));
      afterDelay(res, SLOW_PRIMER_MS, () => created(req, res));
    };
    upstreams.primer.queue(slow, slow);
    const subject = buildTestApp({
      PRIMER_API_URL: upstreams.primer.url,
      ORDER_SERVICE_URL: upstreams.orders.url,
      PRIMER_TIMEOUT_MS: String(PRIMER_TIMEOUT_MS),
      PRIMER_MAX_RETRIES: '0',
      PRIMER_BREAKER_FAILURES: '0',
      UPSTREAM_MAX_CONNECTIONS: '1',
    });

    const [holding, waiting] = await Promise.all([openSessionTimed(subject.app, 'demo-gbp'), openSessionTimed(subject.app, 'demo-jpy')]);

    // Both ran out of the same 600 ms: one while Primer was slow, the other while waiting for the one connection.
    expectProblem(holding.res, 504, 'upstream_timeout');
    expectProblem(waiting.res, 504, 'upstream_timeout');
    expect(waiting.elapsedMs).toBeLessThan(PRIMER_TIMEOUT_MS + MARGIN_MS);
    expect(mostInFlight).toBe(1);
  });

  it('when the one connection frees within the budget, then the waiting request goes out on it and succeeds', async () => {
    const subject = buildTestApp({ PRIMER_API_URL: upstreams.primer.url, ORDER_SERVICE_URL: upstreams.orders.url, PRIMER_TIMEOUT_MS: '3000', UPSTREAM_MAX_CONNECTIONS: '1' });

    const answers = await Promise.all(['demo-gbp', 'demo-jpy', 'demo-kwd'].map((cartId) => openSessionTimed(subject.app, cartId)));

    expect(answers.map(({ res }) => res.status)).toEqual([200, 200, 200]);
    expect(upstreams.primer.connections()).toBe(1);
  });
});
