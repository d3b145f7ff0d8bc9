import path from 'node:path';
import express, { type RequestHandler } from 'express';

// The Primer SDK packages are dev dependencies (README, "Dependencies"): a production image has none of them.
export function installedPackageDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(name));
  } catch {
    return undefined;
  }
}

// Serves a package's files, or says plainly that this installation has left the package out.
export function packageFiles(name: string, dir: string | undefined, file?: string): RequestHandler {
  if (dir === undefined) {
    return (_req, res) => {
      res.status(404).type('text/plain').send(`${name} is not installed here (a dev dependency, left out by npm ci --omit=dev): the demo page cannot load this Primer SDK.\n`);
    };
  }
  if (file !== undefined) return (_req, res) => res.sendFile(path.join(dir, file));
  return express.static(dir, { index: false });
}
