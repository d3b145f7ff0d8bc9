import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
// Every folder and file directly in these is listed; in src/browser, every folder (its files are the module to copy).
const LISTED_WHOLE = ['src', 'src/service', 'src/demo'];
const LISTED_FOLDERS = ['src/browser'];

// The tree in README.md's "Code layout", as paths: two spaces of indent per level, a folder's name ends with '/'.
function layoutPaths(readme: string): string[] {
  const section = readme.split('\n## Code layout\n')[1]?.split('\n## ')[0] ?? '';
  const tree = section.split('```')[1] ?? '';
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 2;
    const name = match[2] ?? '';
    parents.length = depth;
    const full = [...parents, name].join('').replace(/\/$/, '');
    paths.push(full);
    if (name.endsWith('/')) parents.push(name);
  }
  return paths;
}

function entriesOf(folder: string, foldersOnly: boolean): string[] {
  return readdirSync(path.join(ROOT, folder))
    .filter((name) => !foldersOnly || statSync(path.join(ROOT, folder, name)).isDirectory())
    .map((name) => `${folder}/${name}`);
}

describe("README.md's Code layout", () => {
  const listed = layoutPaths(README);

  it('when the tree is read, then it holds the source folders at all', () => {
    expect(listed).toEqual(expect.arrayContaining(['src', 'src/service', 'src/demo', 'src/browser']));
  });

  it('when src/, src/service/ and src/demo/ are listed, then every folder and file in them is in the tree', () => {
    const missing = LISTED_WHOLE.flatMap((folder) => entriesOf(folder, false)).filter((entry) => !listed.includes(entry));
    expect(missing).toEqual([]);
  });

  it("when src/browser/ is listed, then every folder in it is in the tree", () => {
    const missing = LISTED_FOLDERS.flatMap((folder) => entriesOf(folder, true)).filter((entry) => !listed.includes(entry));
    expect(missing).toEqual([]);
  });

  it('when the tree names a path, then it exists', () => {
    expect(listed.filter((entry) => !existsSync(path.join(ROOT, entry)))).toEqual([]);
  });

  it('when the README is counted, then it is at most 250 lines', () => {
    expect(README.trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });
});
