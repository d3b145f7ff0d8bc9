import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');
const DIST_MAIN = path.join(ROOT, 'dist', 'main.js');

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  // The METRICS_PORT listener: GET `${metricsUrl}/metrics`.
  metricsUrl: string;
  // stdout, one JSON log line per entry.
  lines: string[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// These tests run the build (`npm test` builds first); a build older than the sources would test old code.
export function assertFreshBuild(): void {
  const stale = typeScriptFiles(SRC).filter((file) => {
    const built = path.join(ROOT, 'dist', path.relative(SRC, file)).replace(/\.ts$/, '.js');
    try {
      return statSync(built).mtimeMs < statSync(file).mtimeMs;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) throw new Error(`dist/ is missing or older than ${path.relative(ROOT, stale[0]!)} (and ${stale.length - 1} more): run \`npm run build\``);
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

// `node dist/main.js` with only the given environment (plus PATH), its output captured; run from an empty
// directory so a developer's .env cannot leak in.
export function spawnService(env: Record<string, string>): Omit<ServiceProcess, 'url' | 'metricsUrl'> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'checkout-service-'));
  const child = spawn(process.execPath, [DIST_MAIN], { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  return { child, lines, stderr: () => stderr, exited };
}

// Starts the service on free loopback ports (API and metrics) and resolves once it logged 'listening'.
export async function startService(env: Record<string, string>, timeoutMs = 10_000): Promise<ServiceProcess> {
  const service = spawnService({ HOST: '127.0.0.1', PORT: '0', METRICS_PORT: '0', ...env });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = service.lines.map(parseLine).find((line) => line?.msg === 'listening');
    if (listening) return { ...service, url: `http://127.0.0.1:${String(listening['port'])}`, metricsUrl: `http://127.0.0.1:${String(listening['metricsPort'])}` };
    if (service.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  service.child.kill('SIGKILL');
  throw new Error(`service did not start:\n${service.lines.join('\n')}\n${service.stderr()}`);
}

export function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export async function stopService(service: ServiceProcess | undefined): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGKILL');
  await service.exited;
}

// Log lines reach the pipe a moment after the response: poll for the one wanted.
export async function waitForLine(service: ServiceProcess, matches: (line: Record<string, unknown>) => boolean, timeoutMs = 2_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = service.lines.map(parseLine).find((line) => line !== undefined && matches(line));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such log line in:\n${service.lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
