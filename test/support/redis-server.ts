import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../bench/harness/free-port';

export interface RedisServer {
  url: string;
  port: number;
  // False between stop() and restart(), and while frozen: a test's own commands would only hang then.
  answering(): boolean;
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
  let answering = true;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    answering: () => answering,
    freeze: () => {
      answering = false;
      child.kill('SIGSTOP');
    },
    thaw: () => {
      child.kill('SIGCONT');
      answering = true;
    },
    stop: async () => {
      answering = false;
      await stopChild(child);
    },
    restart: async () => {
      await stopChild(child);
      child = await spawnRedis(port);
      answering = true;
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

export interface RedisFixture {
  server: RedisServer;
  // The test's own connection, to look at and clear what the code under test wrote.
  redis: Redis;
}

// Per test file: one redis-server and a connection to it; emptied before each test while it answers.
export function useRedisServer(): RedisFixture {
  const fixture = {} as RedisFixture;
  beforeAll(async () => {
    fixture.server = await startRedisServer();
    fixture.redis = new Redis(fixture.server.url, { lazyConnect: true });
    await fixture.redis.connect();
  });
  beforeEach(async () => {
    if (fixture.server.answering()) await fixture.redis.flushall();
  });
  afterAll(async () => {
    fixture.redis?.disconnect();
    await fixture.server?.stop();
  });
  return fixture;
}
