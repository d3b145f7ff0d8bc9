import type { BenchReport, Goal, RunResult } from './bench-report';

const MB = 1024 * 1024;

// One plain-text table (runs, then goals) that reads the same in a terminal and pasted into the README.
export function renderReport(report: BenchReport): string {
  const { machine, startToReadyMs } = report;
  const header = `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node} on ${machine.platform}; load generator on the same machine`;
  const ready = `start to ready: ${Object.entries(startToReadyMs).map(([name, value]) => `${name} ${ms(value)}`).join(', ')}`;
  const rounds = report.runs[0]?.rounds ?? 1;
  const each = rounds > 1 ? `each row the median of ${rounds} rounds run in turn (CPU/req: lowest–highest round), peak RSS the highest, errors all` : 'one round';
  const runs = table(
    ['run', 'conns', 'Primer delay', 'req/s', 'p50', 'p99', 'max', 'errors', 'peak RSS', 'CPU/req', 'Primer calls/req'],
    report.runs.map(runRow),
  );
  const goals = table(['measure', 'by CPU/req', 'by req/s', 'goal', 'met'], report.goals.map(goalRow));
  return [header, ready, each, '', runs, '', goals].join('\n');
}

function runRow(run: RunResult): string[] {
  return [
    run.id,
    String(run.connections),
    `${run.primerDelayMs} ms`,
    run.requestsPerSecond.toFixed(0),
    ms(run.p50Ms),
    ms(run.p99Ms),
    ms(run.maxMs),
    String(run.errors),
    run.peakRssBytes === undefined ? 'n/a' : `${(run.peakRssBytes / MB).toFixed(0)} MB`,
    run.cpuMsPerRequest === undefined ? 'n/a' : `${run.cpuMsPerRequest.toFixed(3)} ms${spread(run.cpuMsPerRequestRange)}`,
    run.primerCallsPerRequest.toFixed(2),
  ];
}

// The lowest and highest round, when there were several.
function spread(range: [number, number] | undefined): string {
  return range === undefined || range[0] === range[1] ? '' : ` (${range[0].toFixed(2)}–${range[1].toFixed(2)})`;
}

function goalRow(goal: Goal): string[] {
  const value = goal.value === undefined ? 'n/a' : goal.unit === '×' ? times(goal.value) : `${goal.value.toFixed(0)}${goal.unit === 'errors' ? '' : ` ${goal.unit}`}`;
  const met = goal.met === undefined ? '' : goal.met ? 'yes' : 'NO';
  return [goal.label, value, goal.byRate === undefined ? '' : times(goal.byRate), goal.goal, met];
}

function times(value: number): string {
  return `${value.toFixed(2)}×`;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

// Markdown pipes, padded so the raw text lines up too.
function table(headings: readonly string[], rows: readonly string[][]): string {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(headings), rule, ...rows.map(line)].join('\n');
}
