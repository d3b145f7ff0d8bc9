import net from 'node:net';
import { BLOCKED_CODE, isLoopbackHost } from './loopback-hosts';

// Jest setup file: a test may connect only to loopback or a unix socket, so a default URL can never reach the internet.
// Patched at net.Socket.prototype.connect, under http, https, tls, axios, undici and fetch, before any DNS lookup.

const GUARD = Symbol.for('checkout-session-service.tests.loopback-only');

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;
type Target = { path: string } | { host: string; port: unknown };

// The shapes connect() takes (Node's normalizeArgs): options, [options, listener] from net.connect, a path, or port + host.
function targetOf(args: unknown[]): Target {
  const [first, second] = args;
  const options: unknown = Array.isArray(first) ? first[0] : first;
  if (typeof options === 'object' && options !== null) {
    const { path, host, port } = options as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof path === 'string' && path !== '') return { path };
    return { host: typeof host === 'string' && host !== '' ? host : 'localhost', port };
  }
  if (typeof options === 'string' && !/^\d+$/.test(options)) return { path: options };
  return { host: typeof second === 'string' && second !== '' ? second : 'localhost', port: options };
}

function install(): void {
  const prototype = net.Socket.prototype as unknown as Record<symbol, unknown> & { connect: Connect };
  // setupFiles run once per test file in the same worker: wrap connect once.
  if (prototype[GUARD]) return;
  const original = prototype.connect;
  prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = targetOf(args);
    if ('path' in target || isLoopbackHost(target.host)) return original.apply(this, args);
    const error = Object.assign(new Error(`tests may not leave loopback: refused a connection to ${target.host}:${String(target.port)}`), {
      code: BLOCKED_CODE,
    });
    // Failed the way a refused connection fails, after the caller has attached its error listener.
    process.nextTick(() => this.destroy(error));
    return this;
  };
  prototype[GUARD] = true;
}

install();
