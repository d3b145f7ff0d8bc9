import { SharedCalls } from '../../../src/service/concurrency/shared-calls';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SharedCalls', () => {
  it('when 50 identical calls run concurrently, then the work runs once and all get the same value', async () => {
    const shared = new SharedCalls<{ token: string }>();
    const gate = deferred<{ token: string }>();
    const work = jest.fn(() => gate.promise);
    const calls = Array.from({ length: 50 }, () => shared.run('cart_1', work));
    gate.resolve({ token: 'tok_1' });
    const results = await Promise.all(calls);
    expect(work).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toEqual({ token: 'tok_1' });
  });

  it('when keys differ, then each key runs its own work', async () => {
    const shared = new SharedCalls<string>();
    const results = await Promise.all([shared.run('a', async () => 'A'), shared.run('b', async () => 'B')]);
    expect(results).toEqual(['A', 'B']);
  });

  it('when the work rejects, then every waiter gets the same error and the key is cleared', async () => {
    const shared = new SharedCalls<string>();
    const gate = deferred<string>();
    const failure = new Error('primer down');
    const first = shared.run('k', () => gate.promise);
    const second = shared.run('k', () => Promise.resolve('not called'));
    gate.reject(failure);
    await expect(first).rejects.toBe(failure);
    await expect(second).rejects.toBe(failure);
    await expect(shared.run('k', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('when the work throws synchronously, then the caller gets a rejection, not a throw', async () => {
    const shared = new SharedCalls<string>();
    const run = () =>
      shared.run('k', () => {
        throw new Error('boom');
      });
    await expect(run()).rejects.toThrow('boom');
    await expect(shared.run('k', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('when the work has settled, then a later call starts afresh', async () => {
    const shared = new SharedCalls<number>();
    let calls = 0;
    const work = async () => ++calls;
    expect(await shared.run('k', work)).toBe(1);
    expect(await shared.run('k', work)).toBe(2);
  });
});
