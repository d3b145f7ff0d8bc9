import { FaultQueue } from '../../../../src/demo/emulator/faults/fault-queue';

describe('FaultQueue', () => {
  it('serves a fault to the next N matching requests, then no more', () => {
    const queue = new FaultQueue();
    queue.enqueue({ times: 2, fault: { kind: 'drop' } });

    expect(queue.take('POST', '/client-session')).toEqual({ kind: 'drop' });
    expect(queue.take('GET', '/client-session')).toEqual({ kind: 'drop' });
    expect(queue.take('POST', '/client-session')).toBeUndefined();
  });

  it('serves one request by default', () => {
    const queue = new FaultQueue();
    queue.enqueue({ fault: { kind: 'invalid-json' } });
    queue.take('POST', '/client-session');

    expect(queue.pending()).toEqual([]);
  });

  it('matches on method, case aside, and on path', () => {
    const queue = new FaultQueue();
    queue.enqueue({ match: { method: 'patch', path: '/client-session' }, fault: { kind: 'status', status: 409 } });

    expect(queue.take('POST', '/client-session')).toBeUndefined();
    expect(queue.take('PATCH', '/other')).toBeUndefined();
    expect(queue.take('PATCH', '/client-session')).toEqual({ kind: 'status', status: 409 });
  });

  it('serves faults in the order they were queued', () => {
    const queue = new FaultQueue();
    queue.enqueue({ fault: { kind: 'status', status: 503 } });
    queue.enqueue({ fault: { kind: 'status', status: 500 } });

    expect(queue.take('POST', '/client-session')).toMatchObject({ status: 503 });
    expect(queue.take('POST', '/client-session')).toMatchObject({ status: 500 });
  });

  it('forgets everything on clear', () => {
    const queue = new FaultQueue();
    queue.enqueue({ times: 5, fault: { kind: 'drop' } });
    queue.clear();

    expect(queue.take('POST', '/client-session')).toBeUndefined();
  });
});
