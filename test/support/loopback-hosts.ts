import net from 'node:net';

// What the loopback-only jest setup file lets a test connect to, and the code it fails every other connection with.
export const BLOCKED_CODE = 'ERR_TEST_NETWORK_BLOCKED';

export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
  const ipv4 = name.startsWith('::ffff:') ? name.slice('::ffff:'.length) : name;
  return net.isIPv4(ipv4) && ipv4.startsWith('127.');
}
