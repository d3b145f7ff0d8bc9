import { parseCpuMs } from '../../bench/harness/cpu-time';
import { parseVmRssBytes } from '../../bench/harness/rss-sampler';

describe('/proc readings', () => {
  it('reads the resident set from /proc/<pid>/status in bytes', () => {
    expect(parseVmRssBytes('Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nRssAnon:\t 1 kB\n')).toBe(100 * 1024 * 1024);
    expect(parseVmRssBytes('Name:\tnode\n')).toBeUndefined();
  });

  it('adds user and system time from /proc/<pid>/stat, even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (node (bench) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0 1000 1000000 5000';
    expect(parseCpuMs(stat)).toBe(3250);
  });
});
