// Builds the bundle `npm start` runs: our own code (src/, rules/) and most packages in a few ES module files under
// .build/<fingerprint>/. Resolving and compiling a thousand small package files one by one cost about a second of
// every start (see the cold-start benchmark); packages that find files next to themselves stay external (below). Plain JavaScript on purpose: it runs before any
// TypeScript tooling is loaded, which is the point. scripts/start.mjs calls it when the sources changed;
// `node scripts/build-server.mjs` builds ahead of time (e.g. in a container image).
//
// Files are still read at run time from where they live in the checkout (views, locales, migrations, public/):
// every `import.meta.url` in our code is rewritten to the URL of the original source file, expressed relative to the
// bundle, so `new URL('./migrations/', import.meta.url)` means the same thing bundled or not and the checkout can move.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(ROOT, '.build');
export const MANIFEST_PATH = join(BUILD_DIR, 'manifest.json');
const ENTRY = 'src/main.ts';
/** Bump when the shape of the output changes, so older builds are not reused. */
const FORMAT = 2;
/** Besides the bundled sources, these decide what the output looks like. */
const BUILD_INPUTS = ['scripts/build-server.mjs', 'tsconfig.json', 'package-lock.json'];
const KEEP_BUILDS = 3;
/**
 * Packages node_modules still loads itself: PGlite and argon2 load their WebAssembly / native binaries from their own
 * folder; pino and @fastify/swagger locate worker files and package.json through __dirname, which a bundle lacks;
 * the PDF libraries are only loaded when a PDF is made; esbuild and tsx are tooling.
 */
const EXTERNAL_PACKAGES = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'pg-native',
  'pino',
  'thread-stream',
  '@fastify/swagger',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'esbuild',
  'tsx',
];
/** Bundled CommonJS packages call require() for Node built-ins; an ES module has no require of its own. */
const REQUIRE_SHIM = "import { createRequire as __jinzaiCreateRequire } from 'node:module'; const require = __jinzaiCreateRequire(import.meta.url);";

const posix = (path) => path.split(sep).join('/');

/**
 * Reads the manifest and checks every input still has the hash it was built from. Only files that went into the
 * bundle matter: a new source file can only enter the bundle through an import in a file that is already in it.
 * Returns the entry file to import, or null when a (re)build is needed.
 */
export const currentBuild = () => {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  } catch {
    return null;
  }
  if (manifest.format !== FORMAT || typeof manifest.entry !== 'string') return null;
  try {
    for (const [path, hash] of Object.entries(manifest.inputs)) if (hashFile(path) !== hash) return null;
    statSync(join(BUILD_DIR, manifest.entry));
  } catch {
    return null; // an input or the output went away
  }
  return join(BUILD_DIR, manifest.entry);
};

const hashBytes = (bytes) => createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
export const hashFile = (path) => hashBytes(readFileSync(join(ROOT, path)));
const LOADERS = { ts: 'ts', mts: 'ts', cts: 'ts', js: 'js', mjs: 'js', cjs: 'js', json: 'json' };

/**
 * esbuild plugin that loads our files itself, for two reasons. It records the hash of exactly the bytes that went into
 * the bundle (a file saved during the build makes the next start rebuild). And it pins `import.meta.url` (and
 * .dirname/.filename) of each file to that file's real place, relative to the bundle.
 */
const loadSources = (esbuild, outDir, tsconfigRaw, hashes) => ({
  name: 'load-sources',
  setup(build) {
    build.onLoad({ filter: /\.([cm]?[jt]s|json)$/ }, async (args) => {
      const bytes = readFileSync(args.path);
      hashes.set(posix(relative(ROOT, args.path)), hashBytes(bytes));
      const source = bytes.toString('utf8');
      const loader = LOADERS[args.path.slice(args.path.lastIndexOf('.') + 1)];
      if (loader === 'json' || !source.includes('import.meta')) return { contents: source, loader };
      const fromBundle = posix(relative(outDir, args.path));
      const used = (name) => source.includes(`import.meta.${name}`);
      // Replace only real `import.meta.*` expressions (esbuild's define works on the syntax tree, not on text).
      const { code } = await esbuild.transform(source, {
        loader,
        format: 'esm',
        target: 'node20',
        sourcefile: args.path,
        sourcemap: 'inline',
        tsconfigRaw,
        define: {
          'import.meta.url': '__sourceUrl',
          'import.meta.filename': '__sourceFilename',
          'import.meta.dirname': '__sourceDirname',
        },
      });
      const prelude = [
        used('filename') || used('dirname') ? `import { fileURLToPath as __fileURLToPath } from 'node:url';` : '',
        `const __sourceUrl = new URL(${JSON.stringify(fromBundle)}, import.meta.url).href;`,
        used('filename') ? `const __sourceFilename = __fileURLToPath(__sourceUrl);` : '',
        used('dirname') ? `const __sourceDirname = __fileURLToPath(new URL('.', __sourceUrl)).replace(/[\\\\/]$/, '');` : '',
      ].join(' '); // one line, so the inline source map's line numbers stay right
      return { contents: `${prelude}${code}`, loader: 'js' };
    });
  },
});

/** Builds into .build/<fingerprint>/ and points the manifest at it; returns the entry file. */
export const buildServer = async ({ log = () => undefined } = {}) => {
  const esbuild = await import('esbuild');
  const started = performance.now();
  const tsconfigRaw = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
  const hashes = new Map(BUILD_INPUTS.map((path) => [path, hashFile(path)]));
  const staging = join(BUILD_DIR, `staging-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  try {
    // The final directory is a sibling of the staging one, so relative paths to the sources are the same.
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { main: ENTRY },
      outdir: staging,
      bundle: true,
      // Dynamic import() stays a separate chunk, so main.ts can start opening the database before the web app loads.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
      banner: { js: REQUIRE_SHIM },
      sourcemap: 'linked',
      sourcesContent: false,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      metafile: true,
      logLevel: 'silent',
      plugins: [loadSources(esbuild, staging, tsconfigRaw, hashes)],
    });
    const sources = Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules/'));
    const inputs = {};
    for (const path of [...sources, ...BUILD_INPUTS].sort()) inputs[path] = hashes.get(path) ?? hashFile(path);
    const fingerprint = createHash('sha256').update(JSON.stringify([FORMAT, inputs])).digest('base64url').slice(0, 16);
    const finalDir = join(BUILD_DIR, fingerprint);
    try {
      renameSync(staging, finalDir);
    } catch (error) {
      // Another start built the same fingerprint at the same moment: theirs is as good, and may be in use.
      if (!existsSync(join(finalDir, 'main.js'))) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
    const manifest = { format: FORMAT, entry: `${fingerprint}/main.js`, builtAt: new Date().toISOString(), inputs };
    // Written whole then renamed: a second process starting at the same moment sees the old or the new manifest.
    const temporary = `${MANIFEST_PATH}.${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
    renameSync(temporary, MANIFEST_PATH);
    pruneOldBuilds(fingerprint);
    log(`built ${sources.length} modules into .build/${fingerprint} in ${Math.round(performance.now() - started)} ms`);
    return join(BUILD_DIR, manifest.entry);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
};

/** Keeps the newest few builds: a server started a moment ago may still be loading chunks of the previous one. */
const pruneOldBuilds = (keep) => {
  const builds = readdirSync(BUILD_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('staging-') && entry.name !== keep)
    .map((entry) => ({ name: entry.name, mtime: statSync(join(BUILD_DIR, entry.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(KEEP_BUILDS - 1)) rmSync(join(BUILD_DIR, old.name), { recursive: true, force: true });
  // Left behind by a build that was killed half-way.
  for (const entry of readdirSync(BUILD_DIR)) {
    if (entry.startsWith('staging-') && Date.now() - statSync(join(BUILD_DIR, entry)).mtimeMs > 3_600_000) {
      rmSync(join(BUILD_DIR, entry), { recursive: true, force: true });
    }
  }
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer({ log: (message) => process.stdout.write(`${message}\n`) });
}
