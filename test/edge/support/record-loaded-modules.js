// Preloaded with `node --require`: on exit, writes every module file the process loaded to LOADED_MODULES_FILE.
// A preload runs before any loader hook, as plain CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_FILE, Object.keys(require.cache).join('\n'));
});
