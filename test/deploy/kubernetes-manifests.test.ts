import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IConfigMap, IContainer, IService } from 'kubernetes-models/v1';
import request from 'supertest';
import { parse } from 'yaml';
import { composeApp } from '../../src/service/compose-app';
import { loadConfig, type Config } from '../../src/service/config';
import { SHUTDOWN_OVERRUN_MS } from '../../src/service/lifecycle/graceful-shutdown';
import { createLogger } from '../../src/service/observability/logger';
import { allOf, KUBERNETES_DIR, manifestFiles, readManifests, theOne, validateAgainstSchema, type Manifest } from './support/kubernetes-manifests';

const manifests = readManifests();
const deployment = theOne<IDeployment>(manifests, 'Deployment');
const configMap = theOne<IConfigMap>(manifests, 'ConfigMap');
const service = theOne<IService>(manifests, 'Service');
const budget = theOne<IPodDisruptionBudget>(manifests, 'PodDisruptionBudget');
const autoscaler = theOne<IHorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler');
const pod = deployment.spec!.template.spec!;
const container: IContainer = pod.containers[0]!;

// Values that stand in for the Secret's in this test; the manifests carry only the Secret's name and keys.
const SECRET_STAND_INS: Record<string, string> = {
  PRIMER_API_KEY: 'k8s-manifest-test-key',
  REDIS_URL: 'redis://127.0.0.1:9',
  PRIMER_WEBHOOK_SECRETS: 'k8s-manifest-test-webhook-new,k8s-manifest-test-webhook-old',
  ORDER_SERVICE_TOKEN: 'k8s-manifest-test-order-token',
};

// The environment a pod gets: the ConfigMaps it loads whole, then its own env entries (which win, as in Kubernetes).
function podEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const map = allOf<IConfigMap>(manifests, 'ConfigMap').find((candidate) => candidate.metadata?.name === source.configMapRef?.name);
    if (!map) throw new Error(`envFrom names ConfigMap ${source.configMapRef?.name}, which no manifest defines`);
    Object.assign(env, map.data);
  }
  for (const entry of container.env ?? []) {
    const secretKey = entry.valueFrom?.secretKeyRef?.key;
    env[entry.name] = entry.value ?? (secretKey === undefined ? '' : (SECRET_STAND_INS[secretKey] ?? `no stand-in for secret key ${secretKey}`));
  }
  return env;
}

// The names loadConfig looks up when handed this environment: what the code reads, not what a regex finds.
function namesReadByConfig(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const watched = new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  try {
    loadConfig(watched);
  } catch {
    // A bad value is the next test's business; the names were read all the same.
  }
  return read;
}

const podConfig = (): Config => loadConfig(podEnvironment());
const namedPort = (name: string | number | undefined) => container.ports?.find((port) => port.name === name)?.containerPort;

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it.each(manifests.map((manifest): [string, Manifest] => [`${manifest.file}: ${manifest.kind}`, manifest]))(
    'when %s is checked against the Kubernetes schema, then it is valid',
    (_name, manifest) => {
      expect(() => validateAgainstSchema(manifest)).not.toThrow();
    },
  );

  it('when a Deployment breaks the schema, then the check says where', () => {
    const broken: Manifest = { ...manifests.find((manifest) => manifest.kind === 'Deployment')!, body: { ...deployment, spec: { ...deployment.spec, replicas: 'two' } } };

    expect(() => validateAgainstSchema(broken)).toThrow(/spec\/replicas must be integer/);
  });

  it('when kustomize applies the folder, then its resources are exactly the manifest files', () => {
    const kustomization = parse(readFileSync(path.join(KUBERNETES_DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[] };

    expect([...kustomization.resources].sort()).toEqual(manifestFiles());
  });

  it('when the pod environment is compared with what the service reads, then every name is one config.ts reads', () => {
    const env = podEnvironment();

    const unread = Object.keys(env).filter((name) => !namesReadByConfig(env).has(name));

    expect(unread).toEqual([]);
  });

  it('when the service loads the pod environment, then it starts in production mode, not the demo, with shared state', () => {
    const config = podConfig();

    expect(config).toMatchObject({ production: true, demoMode: false, demoPage: false });
    expect(config.orders.url).toBeDefined();
    expect(config.redis.url).toBeDefined();
  });

  it('when the service loads the pod environment, then Primer\'s webhooks are on with both secrets and payment events carry the token', () => {
    const config = podConfig();

    expect(config.webhooks.secrets).toEqual(['k8s-manifest-test-webhook-new', 'k8s-manifest-test-webhook-old']);
    expect(config.orders.token).toBe('k8s-manifest-test-order-token');
  });

  it('when a setting is secret, then it comes from a Secret by reference and never from the ConfigMap', () => {
    const fromSecrets = (container.env ?? []).filter((entry) => entry.valueFrom?.secretKeyRef);

    expect(fromSecrets.map((entry) => entry.name).sort()).toEqual(Object.keys(SECRET_STAND_INS).sort());
    expect(fromSecrets.every((entry) => entry.valueFrom?.secretKeyRef?.key === entry.name && entry.value === undefined)).toBe(true);
    expect(Object.keys(configMap.data ?? {}).filter((name) => name in SECRET_STAND_INS)).toEqual([]);
    expect(manifests.filter((manifest) => manifest.kind === 'Secret')).toEqual([]);
  });

  it('when ports are compared, then the container port is the one the service listens on and probes and Service use it by name', () => {
    const probes = [container.startupProbe, container.livenessProbe, container.readinessProbe];

    expect(namedPort('http')).toBe(podConfig().port);
    expect(probes.map((probe) => probe?.httpGet?.port)).toEqual(['http', 'http', 'http']);
    expect(service.spec?.ports?.map((port) => namedPort(port.targetPort))).toEqual([podConfig().port]);
  });

  it('when the probe paths are asked of the service, then startup and liveness hold while it drains and readiness turns 503', async () => {
    // Without REDIS_URL: no probe touches Redis (test/redis shows /readyz staying 200 through its outages).
    const { app, readiness } = composeApp(loadConfig({ ...podEnvironment(), REDIS_URL: '' }), createLogger('silent'), {});
    const status = async (probe: IContainer['livenessProbe']) => (await request(app).get(probe?.httpGet?.path ?? 'no path')).status;

    expect([await status(container.startupProbe), await status(container.livenessProbe), await status(container.readinessProbe)]).toEqual([200, 200, 200]);
    readiness.startDraining();
    // A draining pod leaves the Service but is not restarted.
    expect([await status(container.startupProbe), await status(container.livenessProbe), await status(container.readinessProbe)]).toEqual([200, 200, 503]);
  });

  it('when a pod is stopped, then the service keeps accepting while endpoints update and the grace period outlasts delay, drain and cleanup', () => {
    const { shutdownDelayMs, shutdownTimeoutMs } = podConfig();

    // SIGTERM at once, the service's own delay instead of a preStop wait, so /readyz turns 503 from the first moment.
    expect(container.lifecycle?.preStop).toBeUndefined();
    expect(shutdownDelayMs).toBeGreaterThanOrEqual(3_000);
    // Covers the default order-service (3 s) and Primer (10 s) budgets together.
    expect(shutdownTimeoutMs).toBeGreaterThanOrEqual(podConfig().orders.timeoutMs + podConfig().primer.timeoutMs);
    expect(pod.terminationGracePeriodSeconds! * 1000).toBeGreaterThanOrEqual(shutdownDelayMs + shutdownTimeoutMs + SHUTDOWN_OVERRUN_MS);
  });

  it('when metrics are scraped, then the pod names METRICS_PORT as its metrics port, the annotations point there, and the Service does not expose it', () => {
    const annotations = deployment.spec!.template.metadata?.annotations ?? {};

    expect(namedPort('metrics')).toBe(podConfig().metricsPort);
    expect(podConfig().metricsPort).not.toBe(podConfig().port);
    expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(podConfig().metricsPort), 'prometheus.io/path': '/metrics' });
    expect(service.spec?.ports?.map((port) => port.targetPort)).toEqual(['http']);
  });

  it('when the pod runs, then it is non-root, read-only, without privilege escalation or capabilities, and sized', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(container.resources?.limits?.['memory']).toBeDefined();
  });

  it('when replicas are counted, then two run, the autoscaler keeps at least two and the budget lets one go at a time', () => {
    const labels = deployment.spec!.template.metadata?.labels;

    expect(deployment.spec?.replicas).toBe(2);
    expect([deployment.spec?.selector.matchLabels, service.spec?.selector, budget.spec?.selector?.matchLabels]).toEqual([labels, labels, labels]);
    expect(autoscaler.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata?.name });
    expect(autoscaler.spec?.minReplicas).toBe(deployment.spec?.replicas);
    expect(budget.spec?.minAvailable).toBeLessThan(autoscaler.spec!.minReplicas!);
  });
});
