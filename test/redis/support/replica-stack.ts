import type { Redis } from 'ioredis';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { startEmulator, type RunningEmulator } from '../../../src/demo/emulator/start-emulator';
import { assertFreshBuild, startService, stopService, type ServiceProcess } from '../../edge/support/service-process';
import { startFakeOrderService, type FakeOrderService } from '../../support/fake-order-service';
import { useRedisServer, type RedisServer } from '../../support/redis-server';

export interface ReplicaStack {
  redisServer: RedisServer;
  // The test's own connection, to look at what the replicas wrote.
  redis: Redis;
  emulator: RunningEmulator;
  orders: FakeOrderService;
  replicas: ServiceProcess[];
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

// Per test file: one redis-server, the Primer emulator, a fake order service, and `count` `node dist/main.js` sharing them.
export function useReplicaStack(env: Record<string, string> = {}, count = 2): ReplicaStack {
  const fixture = useRedisServer();
  const stack = {
    replicas: [] as ServiceProcess[],
    get redisServer() {
      return fixture.server;
    },
    get redis() {
      return fixture.redis;
    },
  } as ReplicaStack;
  beforeAll(async () => {
    assertFreshBuild();
    stack.emulator = await startEmulator({ control: true });
    stack.orders = await startFakeOrderService(DEMO_CARTS);
    const replicaEnv = {
      PRIMER_API_KEY: 'sk_test_replicas',
      PRIMER_API_URL: stack.emulator.url,
      ORDER_SERVICE_URL: stack.orders.url,
      REDIS_URL: stack.redisServer.url,
      RATE_LIMIT_PER_MINUTE: '0',
      // Well above a busy CI machine's event-loop stalls, so sharing tests do not turn into outage tests; those set 200.
      REDIS_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'info',
      ...env,
    };
    stack.replicas = await Promise.all(Array.from({ length: count }, () => startService(replicaEnv)));
    await waitForClients(stack.redis, count);
  });
  beforeEach(() => {
    stack.emulator.reset();
  });
  afterAll(async () => {
    await Promise.all(stack.replicas.map((replica) => stopService(replica)));
    await stack.emulator?.close();
    await stack.orders?.close();
  });
  return stack;
}

// Start-up does not wait for Redis: a test that needs sharing waits until every replica's client has finished its ready
// check (its INFO command); before that a replica's commands fail at once and it goes on without Redis.
export async function waitForClients(redis: Redis, replicas: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const ownId = await redis.client('ID');
  for (;;) {
    const lines = String(await redis.client('LIST')).trim().split('\n');
    const ready = lines.filter((line) => !line.startsWith(`id=${String(ownId)} `) && /\bcmd=(?!NULL\b)/.test(line)).length;
    // The INFO reply still has to travel back to the replica.
    if (ready >= replicas) return void (await new Promise((resolve) => setTimeout(resolve, 50)));
    if (Date.now() > deadline) throw new Error(`only ${ready} of ${replicas} replicas ready on Redis`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// A fresh cart (a copy of a demo cart under a new id), so a test can make a cold call whenever it needs one.
export function addCart(stack: ReplicaStack, id: string, like = 'demo-gbp'): string {
  const template = stack.orders.carts.get(like);
  if (!template) throw new Error(`no demo cart ${like}`);
  stack.orders.carts.set(id, { ...structuredClone(template), id });
  return id;
}

// `headers` lets a test speak for a client of its own (X-Forwarded-For, with TRUST_PROXY=loopback), so rate limit budgets do not mix.
export async function openSession(replica: ServiceProcess, cartId: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${replica.url}/checkout/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ cartId }) });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, ms: performance.now() - started };
}

export function primerCalls(emulator: RunningEmulator, method: 'POST' | 'PATCH'): number {
  return emulator.requests().filter((request) => request.method === method && request.path === '/client-session').length;
}

// Every metrics read goes through here, so moving /metrics to another listener changes one line.
async function metricsText(replica: ServiceProcess): Promise<string> {
  return (await fetch(`${replica.metricsUrl}/metrics`)).text();
}

export async function metricValue(replica: ServiceProcess, line: RegExp): Promise<number> {
  const text = await metricsText(replica);
  return text
    .split('\n')
    .filter((row) => line.test(row))
    .reduce((sum, row) => sum + Number(row.split(' ').pop()), 0);
}

// A closed loop: `connections` clients per replica, each sending its next call as soon as the last is answered.
export async function hammer(replicas: ServiceProcess[], cartId: string, connections: number, durationMs: number, headers: (call: number) => Record<string, string> = () => ({})): Promise<Answer[]> {
  const answers: Answer[] = [];
  const until = Date.now() + durationMs;
  let calls = 0;
  const client = async (replica: ServiceProcess) => {
    while (Date.now() < until) answers.push(await openSession(replica, cartId, headers(calls++)));
  };
  await Promise.all(replicas.flatMap((replica) => Array.from({ length: connections }, () => client(replica))));
  return answers;
}
