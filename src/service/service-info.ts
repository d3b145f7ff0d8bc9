import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServiceInfo {
  readonly name: string;
  readonly version: string;
}

// package.json sits two levels above this file both in src/service and in dist/service; read once at start.
function readServiceInfo(): ServiceInfo {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') throw new Error('package.json has no name or version');
  return Object.freeze({ name: manifest.name, version: manifest.version });
}

export const SERVICE_INFO: ServiceInfo = readServiceInfo();
