import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { loadConfig } from '../src/service/config';

const root = path.resolve(__dirname, '..');
const example = parse(readFileSync(path.join(root, '.env.example'), 'utf8'));

describe('.env.example', () => {
  it('when compared with what loadConfig reads, then it lists every variable and nothing else', () => {
    const read = [...readFileSync(path.join(root, 'src/service/config.ts'), 'utf8').matchAll(/(?:read\(|env\[)'([A-Z_]+)'/g)].map((match) => match[1]);

    expect(Object.keys(example).sort()).toEqual([...new Set(read)].sort());
  });

  it('when copied to .env as it is, then the configuration is exactly the defaults', () => {
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});
