import { fork, type ChildProcess } from 'node:child_process';
import type { UpstreamCounts } from '../fakes/fake-upstreams';

export interface UpstreamsProcess {
  primerUrl: string;
  ordersUrl: string;
  pid: number;
  setPrimerDelay(ms: number): Promise<UpstreamCounts>;
  counts(): Promise<UpstreamCounts>;
  stop(): Promise<void>;
}

type UpstreamsMessage = { type: 'ready'; primerUrl: string; ordersUrl: string } | { type: 'ack'; id: number; counts: UpstreamCounts };

// The fake Primer and order service in a process of their own, shared by every server in a run.
export function startUpstreams(script: string): Promise<UpstreamsProcess> {
  const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let nextId = 0;
  const pending = new Map<number, (counts: UpstreamCounts) => void>();
  const ask = (command: object): Promise<UpstreamCounts> =>
    new Promise((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve);
      child.send({ ...command, id: nextId });
    });

  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake upstreams exited with ${code}`)));
    child.on('message', (message: UpstreamsMessage) => {
      if (message.type === 'ack') {
        pending.get(message.id)?.(message.counts);
        pending.delete(message.id);
        return;
      }
      resolve({
        primerUrl: message.primerUrl,
        ordersUrl: message.ordersUrl,
        pid: child.pid ?? 0,
        setPrimerDelay: (ms) => ask({ type: 'set-delay', ms }),
        counts: () => ask({ type: 'counts' }),
        stop: () => stopForked(child),
      });
    });
  });
}

function stopForked(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}
