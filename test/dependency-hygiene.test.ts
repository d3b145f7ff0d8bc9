import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// No registry audit from these machines: instead, every runtime dependency is listed with its reason, pinned and used.
const ROOT = path.resolve(__dirname, '..');

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

interface LockFile {
  lockfileVersion: number;
  packages: Record<string, { version?: string; integrity?: string; dev?: boolean; hasInstallScript?: boolean; dependencies?: Record<string, string> }>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
const manifest = readJson<PackageJson>('package.json');
const runtime = Object.keys(manifest.dependencies).sort();
const lock = readJson<LockFile>('package-lock.json');
// `node_modules/a/node_modules/@scope/b` → `@scope/b`.
const packageName = (lockPath: string) => lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);

// The rows of the `| package | why |` table under the README's "Dependencies" heading.
function readmeDependencyTable(): Map<string, string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^#{2,3} Dependencies\s*$([\s\S]*?)(?=^#{1,3} |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  const rows = section.split('\n').filter((line) => /^\|.*\|\s*$/.test(line.trim()));
  const cells = rows.map((row) => row.trim().slice(1, -1).split('|').map((cell) => cell.trim()));
  const body = cells.filter(([name]) => name !== undefined && !/^-+$/.test(name) && name.toLowerCase() !== 'package');
  return new Map(body.map(([name = '', why = '']) => [name.replace(/`/g, ''), why]));
}

function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceText(full);
      return entry.name.endsWith('.ts') ? readFileSync(full, 'utf8') : '';
    })
    .join('\n');
}

describe('runtime dependencies', () => {
  it('when package.json lists a runtime dependency, then the README table lists it too, with a reason, and lists nothing else', () => {
    const table = readmeDependencyTable();

    expect([...table.keys()].sort()).toEqual(runtime);
    const withoutReason = [...table].filter(([, why]) => why.split(/\s+/).length < 3).map(([name]) => name);
    expect(withoutReason).toEqual([]);
  });

  it('when the lock file is read, then it matches package.json and pins each runtime dependency to one exact, hashed version', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(lock.packages['']?.dependencies).toEqual(manifest.dependencies);
    const unpinned = runtime.filter((name) => {
      const locked = lock.packages[`node_modules/${name}`];
      return !locked || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(locked.version ?? '') || !locked.integrity?.startsWith('sha512-') || locked.dev === true;
    });
    expect(unpinned).toEqual([]);
  });

  it('when the sources are read, then each runtime dependency is used by them', () => {
    const sources = sourceText(path.join(ROOT, 'src'));

    const unused = runtime.filter((name) => !sources.includes(`'${name}'`) && !sources.includes(`'${name}/`));
    expect(unused).toEqual([]);
  });

  it('when a package is needed only by tests or the build, then it is not a runtime dependency', () => {
    const devOnly = ['jest', 'ts-jest', 'supertest', 'typescript', 'eslint', 'yaml', 'autocannon', 'playwright-core'];

    expect(runtime.filter((name) => devOnly.includes(name) || name.startsWith('@types/'))).toEqual([]);
  });
});

describe('the installed tree', () => {
  it('when the lock file is read, then each OpenTelemetry package is there in one version only', () => {
    const versions = new Map<string, Set<string>>();
    for (const [lockPath, entry] of Object.entries(lock.packages)) {
      const name = packageName(lockPath);
      if (name.startsWith('@opentelemetry/')) versions.set(name, (versions.get(name) ?? new Set()).add(entry.version ?? '?'));
    }

    expect(versions.size).toBeGreaterThan(5);
    expect([...versions].filter(([, found]) => found.size > 1).map(([name, found]) => `${name}: ${[...found].join(', ')}`)).toEqual([]);
  });

  it('when the production image installs without dev dependencies, then the demo-only Primer SDK packages are not in it', () => {
    const sdkPackages = ['@primer-io/checkout-web', '@primer-io/primer-js'];
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

    expect(sdkPackages.filter((name) => name in manifest.dependencies || !(name in manifest.devDependencies))).toEqual([]);
    expect(sdkPackages.filter((name) => lock.packages[`node_modules/${name}`]?.dev !== true)).toEqual([]);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
  });

  it('when a package in the lock file has an install script, then package.json allowScripts decides it, so npm ci prints no warning', () => {
    const withScripts = Object.entries(lock.packages).filter(([lockPath, entry]) => lockPath !== '' && entry.hasInstallScript === true).map(([lockPath]) => packageName(lockPath));

    expect(withScripts.filter((name) => typeof manifest.allowScripts?.[name] !== 'boolean')).toEqual([]);
  });
});
