import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

export const KUBERNETES_DIR = path.resolve(__dirname, '../../../deploy/kubernetes');

export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  // The document as written, for the checks that read fields.
  body: Record<string, unknown>;
}

// The models whose validate() runs Kubernetes' own OpenAPI schema for that apiVersion and kind.
const MODELS: Record<string, new (body: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};

// Every document of every .yaml file except kustomize's own, which is not a Kubernetes object.
export function readManifests(): Manifest[] {
  return manifestFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(KUBERNETES_DIR, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
      const body = document.toJS() as Record<string, unknown>;
      return { file, apiVersion: String(body['apiVersion']), kind: String(body['kind']), body };
    }),
  );
}

export function manifestFiles(): string[] {
  return readdirSync(KUBERNETES_DIR)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .sort();
}

// Throws with the schema's messages when the manifest breaks it, or when no model knows its kind.
export function validateAgainstSchema(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) throw new Error(`${manifest.file}: no schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest.body as never).validate();
}

// The bodies of every manifest of one kind, typed by the caller (the schema check vouches for the shape).
export function allOf<T>(manifests: Manifest[], kind: string): T[] {
  return manifests.filter((manifest) => manifest.kind === kind).map((manifest) => manifest.body as unknown as T);
}

export function theOne<T>(manifests: Manifest[], kind: string): T {
  const found = allOf<T>(manifests, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}
