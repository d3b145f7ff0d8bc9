import { randomFillSync } from 'node:crypto';
import { INVALID_SPANID, INVALID_TRACEID } from '@opentelemetry/api';

// Ids are cut from a block of random bytes refilled every few hundred ids, not one system call each.
const block = Buffer.allocUnsafe(4096);
let used = block.length;

function randomHex(bytes: number, invalid: string): string {
  for (;;) {
    if (used + bytes > block.length) {
      randomFillSync(block);
      used = 0;
    }
    const id = block.toString('hex', used, (used += bytes));
    // All zeros is the one value W3C Trace Context rules out.
    if (id !== invalid) return id;
  }
}

export function newTraceId(): string {
  return randomHex(16, INVALID_TRACEID);
}

export function newSpanId(): string {
  return randomHex(8, INVALID_SPANID);
}
