import { readFile } from 'node:fs/promises';

// USER_HZ, the unit of /proc/<pid>/stat times: 100 on every mainstream Linux architecture.
const TICKS_PER_SECOND = 100;

// utime + stime (fields 14 and 15), read after the command name, which may itself hold spaces or ')'.
export function parseCpuMs(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? ((user + system) * 1000) / TICKS_PER_SECOND : undefined;
}

// CPU time the process has used so far: per request, it does not move when other work shares the cores.
export async function cpuMsOf(pid: number): Promise<number | undefined> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(parseCpuMs, () => undefined);
}
