import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
// The generator's own CLI in a child process: it is ESM all the way down, which jest's CommonJS runtime cannot load.
const GENERATOR = path.join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

describe('generated browser types', () => {
  it('when docs/openapi.yaml changes, then src/browser/generated/openapi.ts must be regenerated (npm run generate:types)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [GENERATOR, path.join('docs', 'openapi.yaml')], { cwd: ROOT });
    const committed = readFileSync(path.join(ROOT, 'src', 'browser', 'generated', 'openapi.ts'), 'utf8');
    expect(committed).toBe(stdout);
  });
});
