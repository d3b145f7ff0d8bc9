import { CircuitBreaker, PROBE_IN_FLIGHT_RETRY_AFTER_MS, type BreakerState } from '../../../src/service/upstream/circuit-breaker';

const RESET_MS = 30_000;

function makeBreaker(failureThreshold = 3) {
  const clock = { now: 1_000_000 };
  const transitions: Array<[BreakerState, BreakerState]> = [];
  const breaker = new CircuitBreaker({
    failureThreshold,
    resetMs: RESET_MS,
    now: () => clock.now,
    onStateChange: (from, to) => transitions.push([from, to]),
  });
  // The state as the breaker reports it to its owner (metrics, logs): the last transition's target.
  const state = (): BreakerState => transitions.at(-1)?.[1] ?? 'closed';
  return { breaker, clock, transitions, state };
}

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) {
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
    breaker.recordFailure();
  }
}

describe('CircuitBreaker', () => {
  it('when fewer than the threshold of consecutive failures happen, then it stays closed', () => {
    const { breaker, state } = makeBreaker(3);
    fail(breaker, 2);
    expect(state()).toBe('closed');
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
  });

  it('when the threshold of consecutive failures is reached, then it opens and refuses with the time left', () => {
    const { breaker, clock, state } = makeBreaker(3);
    fail(breaker, 3);
    expect(state()).toBe('open');
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: RESET_MS });
    clock.now += 10_000;
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: RESET_MS - 10_000 });
  });

  it('when a success comes between failures, then the count starts again', () => {
    const { breaker, state } = makeBreaker(3);
    fail(breaker, 2);
    breaker.recordSuccess();
    fail(breaker, 2);
    expect(state()).toBe('closed');
    fail(breaker, 1);
    expect(state()).toBe('open');
  });

  it('when a neutral outcome comes between failures, then the count neither resets nor grows', () => {
    const { breaker, state } = makeBreaker(3);
    fail(breaker, 2);
    breaker.recordNeutral();
    breaker.recordNeutral();
    expect(state()).toBe('closed');
    fail(breaker, 1);
    expect(state()).toBe('open');
  });

  it('when resetMs has passed, then it half-opens and lets exactly one probe through', () => {
    const { breaker, clock, state } = makeBreaker(1);
    fail(breaker, 1);
    clock.now += RESET_MS - 1;
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.now += 1;
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
    expect(state()).toBe('half-open');
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: PROBE_IN_FLIGHT_RETRY_AFTER_MS });
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: PROBE_IN_FLIGHT_RETRY_AFTER_MS });
  });

  it('when the probe succeeds, then it closes and lets everyone through', () => {
    const { breaker, clock, state } = makeBreaker(1);
    fail(breaker, 1);
    clock.now += RESET_MS;
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(state()).toBe('closed');
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
  });

  it('when the probe fails, then it re-opens for another full resetMs', () => {
    const { breaker, clock, state } = makeBreaker(2);
    fail(breaker, 2);
    clock.now += RESET_MS + 5_000;
    breaker.tryAcquire();
    breaker.recordFailure();
    expect(state()).toBe('open');
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: RESET_MS });
  });

  it('when the probe ends neutrally, then it stays half-open and the next request becomes the probe', () => {
    const { breaker, clock, state } = makeBreaker(1);
    fail(breaker, 1);
    clock.now += RESET_MS;
    breaker.tryAcquire();
    breaker.recordNeutral();
    expect(state()).toBe('half-open');
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
    expect(breaker.tryAcquire()).toMatchObject({ allowed: false });
  });

  it('when a request that started before it opened fails late, then the open period is not extended', () => {
    const { breaker, clock } = makeBreaker(1);
    fail(breaker, 1);
    clock.now += 10_000;
    breaker.recordFailure();
    expect(breaker.tryAcquire()).toEqual({ allowed: false, retryAfterMs: RESET_MS - 10_000 });
  });

  it('when the threshold is 0, then it never opens', () => {
    const { breaker, transitions, state } = makeBreaker(0);
    fail(breaker, 1000);
    expect(state()).toBe('closed');
    expect(breaker.tryAcquire()).toEqual({ allowed: true });
    expect(transitions).toEqual([]);
  });

  it('reports every transition to onStateChange', () => {
    const { breaker, clock, transitions } = makeBreaker(1);
    fail(breaker, 1);
    clock.now += RESET_MS;
    breaker.tryAcquire();
    breaker.recordFailure();
    clock.now += RESET_MS;
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(transitions).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  it('when no clock is given, then it uses the real one', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, resetMs: 60_000 });
    breaker.tryAcquire();
    breaker.recordFailure();
    const permit = breaker.tryAcquire();
    expect(permit.allowed).toBe(false);
    expect(permit.allowed === false && permit.retryAfterMs).toBeGreaterThan(59_000);
  });
});
