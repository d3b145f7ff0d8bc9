import type { ProfileSummary, SelfTime } from './summarise-profile';

// Self time by owner, then the hottest functions: where the cold path's CPU goes.
export function renderProfile(summary: ProfileSummary, owners = 20): string {
  const percent = (entry: SelfTime) => `${(entry.share * 100).toFixed(1)}%`.padStart(6);
  const ms = (entry: SelfTime) => `${entry.selfMs.toFixed(0)} ms`.padStart(9);
  return [
    `total sampled: ${summary.totalMs.toFixed(0)} ms`,
    '',
    'self time by owner',
    ...summary.byOwner.slice(0, owners).map((entry) => `${percent(entry)} ${ms(entry)}  ${entry.name}`),
    '',
    'time in stacks through owner (inclusive)',
    ...summary.inclusiveByOwner.slice(0, owners).map((entry) => `${percent(entry)} ${ms(entry)}  ${entry.name}`),
    '',
    'hottest functions (self time)',
    ...summary.topFunctions.map((entry) => `${percent(entry)} ${ms(entry)}  ${entry.name}  [${entry.owner}] ${entry.location}`),
  ].join('\n');
}
