import { ownerOf, summariseProfile, type CpuProfile } from '../../bench/profile/summarise-profile';

describe('ownerOf', () => {
  it.each([
    ['file:///app/node_modules/axios/dist/node/axios.cjs', 'request', 'axios'],
    ['file:///app/node_modules/@pinojs/redact/index.js', 'redact', '@pinojs/redact'],
    ['file:///app/node_modules/express/node_modules/debug/src/index.js', 'debug', 'debug'],
    ['node:internal/streams/writable', 'write', 'node:streams'],
    ['node:_http_outgoing', 'end', 'node:_http_outgoing'],
    ['file:///app/dist/checkout/build-order.js', 'buildOrder', 'service:checkout'],
    ['file:///app/dist/main.js', 'main', 'service'],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'writev', '(V8 builtins)'],
  ])('%s (%s) belongs to %s', (url, functionName, owner) => {
    expect(ownerOf(url, functionName)).toBe(owner);
  });
});

describe('summariseProfile', () => {
  // root → express handler → axios request; the last sample only closes the previous one's interval.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
      { id: 2, callFrame: { functionName: 'handle', url: 'file:///app/node_modules/express/lib/router.js', lineNumber: 9 }, children: [3] },
      { id: 3, callFrame: { functionName: 'request', url: 'file:///app/node_modules/axios/index.js', lineNumber: 99 } },
    ],
    samples: [3, 3, 2, 3],
    timeDeltas: [0, 1000, 3000, 2000],
  };
  const summary = summariseProfile(profile);

  it('gives each sample the time until the next one, summed per owner as self time', () => {
    expect(summary.totalMs).toBe(6);
    expect(summary.byOwner).toEqual([
      { name: 'axios', selfMs: 4, share: 4 / 6 },
      { name: 'express', selfMs: 2, share: 2 / 6 },
    ]);
  });

  it('counts a caller inclusively for the time spent in what it called', () => {
    expect(summary.inclusiveByOwner.map((entry) => [entry.name, entry.selfMs])).toEqual([
      ['express', 6],
      ['axios', 4],
    ]);
  });

  it('lists the hottest functions with their owner and a short location', () => {
    expect(summary.topFunctions[0]).toMatchObject({ name: 'request', owner: 'axios', location: 'axios/index.js:100', selfMs: 4 });
  });
});
