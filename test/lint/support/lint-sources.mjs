// Lints in-memory sources with the project's own eslint.config.mjs (ESLint's Node API) and prints what each rule said.
// A child process because ESLint loads its ESM config with import(), which jest's CommonJS runtime cannot do.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const [root, sourcesJson] = process.argv.slice(2);
const sources = JSON.parse(sourcesJson);
// The fixtures are not on disk, so no TypeScript program can hold them: the type-aware rules sit this out.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
const verdicts = [];
for (const { filePath, code } of sources) {
  const [result] = await eslint.lintText(code, { filePath });
  verdicts.push((result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(verdicts));
