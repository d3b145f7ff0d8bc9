import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';

export interface ServerSpec {
  name: string;
  script: string;
  env: Record<string, string>;
  nodeArgs?: readonly string[];
  // Start it as production does, through `npm start` (then `script` is not used, and pid is npm's).
  viaNpmStart?: boolean;
}

export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  startToReadyMs: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const POLL_MS = 5;
const STOP_TIMEOUT_MS = 15_000;

// Spawns the server under test as its own process, away from the load generator, and times spawn → /readyz 200.
export async function startServer(spec: ServerSpec, cwd: string): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const env = { ...spec.env, PORT: String(port), HOST: '127.0.0.1' };
  const child = spec.viaNpmStart
    ? // Its own process group, so stopping it reaches node under npm and sh.
      spawn(...npmStart(), { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    : spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.script], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, url, () => stderr, spec.name);
  return { name: spec.name, url, pid: child.pid ?? 0, startToReadyMs: performance.now() - started, stop: () => stopChild(child, spec.viaNpmStart === true) };
}

// The npm that runs this bench (npm_execpath), else the one on PATH.
function npmStart(): [string, string[]] {
  const npmCli = process.env['npm_execpath'];
  return npmCli ? [process.execPath, [npmCli, 'start']] : ['npm', ['start']];
}

async function waitUntilReady(child: ChildProcess, url: string, stderr: () => string, name: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${stderr()}`);
    if ((await readyStatus(url)) === 200) return;
    await sleep(POLL_MS);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
}

function readyStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/readyz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
  });
}

function stopChild(child: ChildProcess, wholeGroup: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const signal = (name: NodeJS.Signals) => (wholeGroup && child.pid !== undefined ? process.kill(-child.pid, name) : child.kill(name));
    const killer = setTimeout(() => signal('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    signal('SIGTERM');
  });
}
