// `npm start`: runs the server from the prebuilt bundle in .build/, (re)building it first when any source that went
// into it changed, so `npm ci && npm start` works from nothing and later starts skip TypeScript entirely.
// Tests and `npm run dev` keep running the sources through tsx; this is only the production start path.
// If the bundle cannot be built (e.g. a read-only checkout), the server still starts, from the sources via tsx.
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { buildServer, currentBuild, ROOT } from './build-server.mjs';

const note = (message) => process.stderr.write(`[start] ${message}\n`);

const bundledEntry = async () => {
  const ready = currentBuild();
  if (ready) return ready;
  try {
    return await buildServer({ log: note });
  } catch (error) {
    note(`could not build the server bundle (${error instanceof Error ? error.message.split('\n')[0] : error}); running from the sources`);
    return null;
  }
};

const entry = await bundledEntry();
if (entry) {
  // Stack traces in logs point at src/… lines, not at the bundle.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${ROOT}/src/main.ts`).href);
}
