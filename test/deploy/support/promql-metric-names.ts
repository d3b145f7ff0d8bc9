// PromQL's functions, aggregations and keywords: every other bare identifier in an expression is a metric name.
const NOT_METRICS = new Set([
  'sum', 'min', 'max', 'avg', 'count', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values', 'group',
  'rate', 'irate', 'increase', 'delta', 'idelta', 'deriv', 'histogram_quantile', 'abs', 'absent', 'clamp_min', 'clamp_max',
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'time', 'vector', 'scalar',
]);

// The metric names an expression reads: label matchers, grouping lists, ranges and strings are removed first.
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)].map((match) => match[0]).filter((name) => !NOT_METRICS.has(name));
  return [...new Set(names)];
}

// Sample names a Prometheus text exposition declares: histograms as their _bucket, _count and _sum series.
export function exportedSampleNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const match of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name = '', type] = match;
    if (type === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) names.add(name + suffix);
    else if (type === 'summary') for (const suffix of ['', '_count', '_sum']) names.add(name + suffix);
    else names.add(name);
  }
  return names;
}
