import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scrapeMetrics } from '../support/scrape-metrics';
import { buildTestApp } from '../support/test-app';
import { exportedSampleNames, metricNamesIn } from './support/promql-metric-names';

const DIR = path.resolve(__dirname, '../../deploy/observability');

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string };
}

interface DashboardPanel {
  title: string;
  targets?: { expr: string }[];
}

const rules = (parse(readFileSync(path.join(DIR, 'alerts.yml'), 'utf8')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap((group) => group.rules);
const dashboard = JSON.parse(readFileSync(path.join(DIR, 'grafana-dashboard.json'), 'utf8')) as { uid: string; panels: DashboardPanel[] };
const expressions = [
  ...rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
  ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr }))),
];

async function scrapeExported(): Promise<Set<string>> {
  const res = await scrapeMetrics(buildTestApp({})).expect(200);
  return exportedSampleNames(res.text);
}

describe('deploy/observability', () => {
  it('when every alert and dashboard expression is read, then each metric it names is one a running service exports', async () => {
    const exported = await scrapeExported();

    const unknown = expressions.flatMap(({ where, expr }) => metricNamesIn(expr).filter((name) => !exported.has(name)).map((name) => `${where}: ${name}`));

    expect(expressions.length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('when the alerts are read, then the ones the issues ask for are there, each with a duration, a severity and a summary', () => {
    expect(rules.map((rule) => rule.alert).sort()).toEqual([
      'CheckoutErrorRatioHigh',
      'CheckoutLatencyP99OverBudget',
      'PaymentNotificationsNotTaken',
      'PrimerCircuitBreakerOpen',
      'PrimerUnavailable',
      'PrimerWebhookSignaturesFailing',
      'RedisFailing',
    ]);
    for (const rule of rules) {
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['page', 'ticket']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toEqual(expect.any(String));
    }
  });

  it('when the service exports a metric of its own, then the dashboard shows it', async () => {
    const ownMetrics = [...(await scrapeExported())].filter((name) => !/^(process|nodejs)_/.test(name) && !/_(sum)$/.test(name));
    const shown = new Set(expressions.filter(({ where }) => where.startsWith('panel')).flatMap(({ expr }) => metricNamesIn(expr)));

    const family = (name: string) => name.replace(/_(bucket|count)$/, '');
    const missing = ownMetrics.filter((name) => ![...shown].some((used) => family(used) === family(name)));
    expect(missing).toEqual([]);
  });

  it('when the Redis panel is read, then it tells steps Redis failed from steps skipped while it was failing', () => {
    const redisPanels = expressions.filter(({ where, expr }) => where.startsWith('panel') && metricNamesIn(expr).includes('redis_failures_total'));

    expect(redisPanels.length).toBeGreaterThan(0);
    for (const { expr } of redisPanels) expect(expr).toMatch(/by \((?:[a-z_]+, )*outcome\b/);
  });
});

describe('metricNamesIn', () => {
  it('when an expression has matchers, groupings, ranges and functions, then only the metric names remain', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, upstream) (rate(upstream_request_duration_seconds_bucket{outcome=~"ok|timeout"}[$__rate_interval]))) / ignoring(x) max(circuit_breaker_state) > 1',
      ),
    ).toEqual(['upstream_request_duration_seconds_bucket', 'circuit_breaker_state']);
  });

  it('when a label value looks like a metric name, then it is not taken for one', () => {
    expect(metricNamesIn('sum(rate(http_requests_aborted_total{route="checkout_sessions_total"}[5m]))')).toEqual(['http_requests_aborted_total']);
  });
});

describe('exportedSampleNames', () => {
  it('when a histogram and a counter are declared, then the histogram gives its three series and the counter its name', () => {
    const names = exportedSampleNames('# HELP a_seconds x\n# TYPE a_seconds histogram\n# TYPE b_total counter\nb_total 1\n');

    expect([...names].sort()).toEqual(['a_seconds_bucket', 'a_seconds_count', 'a_seconds_sum', 'b_total']);
  });
});
