import { OneAtATime } from '../../../src/service/payments/one-at-a-time';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('OneAtATime', () => {
  it('when two works share a key, then the second starts only after the first settled', async () => {
    const queue = new OneAtATime();
    const first = deferred();
    const started: string[] = [];

    const a = queue.run('p1', async () => {
      started.push('a');
      await first.promise;
      return 'a';
    });
    const b = queue.run('p1', async () => {
      started.push('b');
      return 'b';
    });
    await tick();
    expect(started).toEqual(['a']);

    first.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(started).toEqual(['a', 'b']);
  });

  it('when the first work fails, then the second still runs and the failure goes to the first caller only', async () => {
    const queue = new OneAtATime();
    const first = deferred();

    const a = queue.run('p1', () => first.promise);
    const b = queue.run('p1', async () => 'b');
    first.reject(new Error('order service down'));

    await expect(a).rejects.toThrow('order service down');
    await expect(b).resolves.toBe('b');
  });

  it('when works have different keys, then they run side by side', async () => {
    const queue = new OneAtATime();
    const first = deferred();
    const started: string[] = [];

    const a = queue.run('p1', async () => {
      started.push('p1');
      await first.promise;
    });
    const b = queue.run('p2', async () => {
      started.push('p2');
    });
    await b;
    expect(started).toEqual(['p1', 'p2']);
    first.resolve();
    await a;
  });
});
