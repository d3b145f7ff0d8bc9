import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../bench/harness/free-port';

export interface RedisServer {
  url: string;
  port: number;
  // SIGSTOP / SIGCONT: the socket stays open but nothing answers, as with a Redis stuck on a slow disk.
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
  // On the same port, empty (no persistence), as after a crash and restart.
  restart(): Promise<void>;
}

// Debian's redis-server on a free loopback port, no persistence; the tests start and stop it themselves.
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    stop: () => stopChild(child),
    restart: async () => {
      await stopChild(child);
      child = await spawnRedis(port);
    },
  };
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const deadline = Date.now() + 5_000;
  while (!output.includes('Ready to accept connections')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT');
  child.kill('SIGKILL');
  await exited;
}
