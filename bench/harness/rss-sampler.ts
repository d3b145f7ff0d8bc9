import { readFile } from 'node:fs/promises';

export interface RssSampler {
  // Stops sampling and answers the highest resident set seen, in bytes (undefined where /proc is missing).
  stop(): Promise<number | undefined>;
}

const VM_RSS = /^VmRSS:\s+(\d+)\s+kB$/m;

export function parseVmRssBytes(status: string): number | undefined {
  const match = VM_RSS.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

// Samples the child's /proc status: VmHWM would be the peak of the whole process life, not of one run.
export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let peak: number | undefined;
  const sample = async () => {
    const rss = await readFile(`/proc/${pid}/status`, 'utf8').then(parseVmRssBytes, () => undefined);
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  void sample();
  const timer = setInterval(() => void sample(), intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}
