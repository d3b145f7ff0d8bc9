import { createLogger } from '../../../src/service/observability/logger';
import { RedisGuard, type RedisStepOutcome } from '../../../src/service/redis/redis-guard';
import type { RedisOperation } from '../../../src/service/redis/redis-operation';
import { RedisUnavailableError } from '../../../src/service/redis/redis-unavailable-error';

function makeGuard() {
  const clock = { now: 1_000_000 };
  const logs: string[] = [];
  const counted: string[] = [];
  const guard = new RedisGuard({
    logger: createLogger('info', { write: (line: string) => void logs.push(line) }),
    countFailure: (operation: RedisOperation, outcome: RedisStepOutcome) => void counted.push(`${operation} ${outcome}`),
    now: () => clock.now,
  });
  return { guard, clock, logs, counted };
}

const failing = (message: string) => () => Promise.reject(Object.assign(new Error(message), { command: { name: 'set', args: ['k', 'tok_secret_value'] } }));

describe('RedisGuard', () => {
  it('when the command answers, then its answer comes back and nothing is counted', async () => {
    const { guard, counted } = makeGuard();
    expect(await guard.run('session_read', async () => 'value')).toBe('value');
    expect(counted).toEqual([]);
  });

  it('when the command fails, then RedisUnavailableError, one count, one warning with the message but never the arguments', async () => {
    const { guard, counted, logs } = makeGuard();

    await expect(guard.run('session_write', failing('Command timed out'))).rejects.toBeInstanceOf(RedisUnavailableError);

    expect(counted).toEqual(['session_write failed']);
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0] ?? '{}')).toMatchObject({ level: 'warn', redis: { operation: 'session_write', reason: 'Command timed out' } });
    expect(logs.join('\n')).not.toContain('tok_secret_value');
  });

  it('when a step failed, then Redis is skipped for the pause without waiting on it, and tried again after', async () => {
    const { guard, clock } = makeGuard();
    await guard.attempt('session_read', failing('Command timed out'), undefined);
    const command = jest.fn(async () => 'value');

    expect(await guard.attempt('claim', command, 'fallback')).toBe('fallback');
    expect(command).not.toHaveBeenCalled();
    clock.now += 1_000;
    expect(await guard.attempt('claim', command, 'fallback')).toBe('value');
  });

  it('when steps are skipped during the pause, then each is counted as skipped and none is logged', async () => {
    const { guard, counted, logs } = makeGuard();
    await guard.attempt('rate_limit', failing('OOM command not allowed when used memory > maxmemory'), undefined);

    await expect(guard.run('session_read', async () => 'value')).rejects.toBeInstanceOf(RedisUnavailableError);
    await guard.attempt('session_write', async () => 'OK', undefined);

    expect(counted).toEqual(['rate_limit failed', 'session_read skipped', 'session_write skipped']);
    expect(logs).toHaveLength(1);
  });

  it('when failures keep coming, then each is counted and warnings come about once a minute', async () => {
    const { guard, clock, counted, logs } = makeGuard();
    for (let second = 0; second < 120; second += 1) {
      clock.now += 1_000;
      await guard.attempt('rate_limit', failing('Connection is closed.'), undefined);
    }
    expect(counted).toHaveLength(120);
    expect(logs).toHaveLength(2);
    expect(JSON.parse(logs[1] ?? '{}')).toMatchObject({ redis: { failuresHeldBack: 59 } });
  });

  it('when the command throws any kind of error, then attempt answers the fallback and the error is counted', async () => {
    const { guard, counted } = makeGuard();
    await expect(guard.attempt('claim', () => Promise.reject(new TypeError('unexpected reply')), 'fallback')).resolves.toBe('fallback');
    expect(counted).toEqual(['claim failed']);
  });
});
