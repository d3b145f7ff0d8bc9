import { setTimeout as sleep } from 'node:timers/promises';
import { stopService } from '../edge/support/service-process';
import { openSession, primerCalls, useReplicaStack } from './support/replica-stack';

const PRIMER_TIMEOUT_MS = 3_000;

describe('two replicas when the one calling Primer dies mid-call', () => {
  const stack = useReplicaStack({ PRIMER_TIMEOUT_MS: String(PRIMER_TIMEOUT_MS) });

  it('when the claimant is killed, then the other replica takes the call over and answers 200 within its own Primer budget', async () => {
    const [a, b] = stack.replicas;
    // Primer hangs on A's call, so A holds the claim when it dies.
    stack.emulator.faults.enqueue({ match: { method: 'POST', path: '/client-session' }, times: 1, fault: { kind: 'delay-headers', ms: 20_000 } });
    const dying = openSession(a!, 'demo-gbp').catch(() => undefined);
    while (primerCalls(stack.emulator, 'POST') === 0) await sleep(10);
    expect(await stack.redis.keys('checkout-session:claim:*')).toHaveLength(1);

    const waiting = openSession(b!, 'demo-gbp');
    await sleep(100);
    await stopService(a);
    const answer = await waiting;
    await dying;

    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(PRIMER_TIMEOUT_MS);
    // A's hanging call and B's own.
    expect(primerCalls(stack.emulator, 'POST')).toBe(2);
    expect(await stack.redis.keys('checkout-session:claim:*')).toEqual([]);
  });
});
