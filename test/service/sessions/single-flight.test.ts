import { SingleFlight } from '../../../src/service/sessions/single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('when 50 identical calls run concurrently, then the work runs once and all get the same value', async () => {
    const flight = new SingleFlight<{ token: string }>();
    const gate = deferred<{ token: string }>();
    const work = jest.fn(() => gate.promise);
    const calls = Array.from({ length: 50 }, () => flight.run('cart_1', work));
    gate.resolve({ token: 'tok_1' });
    const results = await Promise.all(calls);
    expect(work).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toEqual({ token: 'tok_1' });
  });

  it('when keys differ, then each key runs its own work', async () => {
    const flight = new SingleFlight<string>();
    const results = await Promise.all([flight.run('a', async () => 'A'), flight.run('b', async () => 'B')]);
    expect(results).toEqual(['A', 'B']);
  });

  it('when the work rejects, then every waiter gets the same error and the key is cleared', async () => {
    const flight = new SingleFlight<string>();
    const gate = deferred<string>();
    const failure = new Error('primer down');
    const first = flight.run('k', () => gate.promise);
    const second = flight.run('k', () => Promise.resolve('not called'));
    gate.reject(failure);
    await expect(first).rejects.toBe(failure);
    await expect(second).rejects.toBe(failure);
    await expect(flight.run('k', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('when the work throws synchronously, then the caller gets a rejection, not a throw', async () => {
    const flight = new SingleFlight<string>();
    const run = () =>
      flight.run('k', () => {
        throw new Error('boom');
      });
    await expect(run()).rejects.toThrow('boom');
    await expect(flight.run('k', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('when the work has settled, then a later call starts afresh', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    const work = async () => ++calls;
    expect(await flight.run('k', work)).toBe(1);
    expect(await flight.run('k', work)).toBe(2);
  });
});
