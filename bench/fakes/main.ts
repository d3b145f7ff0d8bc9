import { startFakeUpstreams } from './fake-upstreams';

// Runs the fake upstreams in their own process, steered by the runner over IPC.
export type UpstreamsCommand = { type: 'set-delay'; ms: number; id: number } | { type: 'counts'; id: number };

async function main(): Promise<void> {
  const upstreams = await startFakeUpstreams();
  const send = (message: object) => process.send?.(message);
  process.on('message', (command: UpstreamsCommand) => {
    if (command.type === 'set-delay') upstreams.setPrimerDelay(command.ms);
    send({ type: 'ack', id: command.id, counts: upstreams.counts() });
  });
  process.once('disconnect', () => {
    void upstreams.close().then(() => process.exit(0));
  });
  send({ type: 'ready', primerUrl: upstreams.primerUrl, ordersUrl: upstreams.ordersUrl });
}

void main();
