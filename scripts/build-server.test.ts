import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The bundle builder on a tiny checkout of its own: where bundled code thinks it lives, and when a build is reused.

const repo = fileURLToPath(new URL('../', import.meta.url));

const node = (cwd: string, ...args: string[]): string => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' }).trim();
/** What currentBuild() says in that checkout: the entry file, or null when a rebuild is due. */
const currentBuild = (root: string): string =>
  node(root, '--input-type=module', '-e', "const { currentBuild } = await import('./scripts/build-server.mjs'); console.log(currentBuild());");
const runBundle = (root: string): Record<string, string> => {
  const { entry } = JSON.parse(readFileSync(join(root, '.build/manifest.json'), 'utf8')) as { entry: string };
  return JSON.parse(node(root, join(root, '.build', entry)));
};

describe('scripts/build-server.mjs', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'jinzai-build-'));
    root = join(base, 'checkout');
    mkdirSync(join(root, 'scripts'), { recursive: true });
    mkdirSync(join(root, 'src/sub'), { recursive: true });
    copyFileSync(join(repo, 'scripts/build-server.mjs'), join(root, 'scripts/build-server.mjs'));
    copyFileSync(join(repo, 'tsconfig.json'), join(root, 'tsconfig.json'));
    writeFileSync(join(root, 'package-lock.json'), '{}\n');
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(
      join(root, 'src/sub/where.ts'),
      "// import.meta.url in a comment, and in a string below, is left alone\nexport const where = { url: import.meta.url, filename: import.meta.filename, dirname: import.meta.dirname, text: 'import.meta.url' };\n",
    );
    writeFileSync(join(root, 'src/main.ts'), "import { where } from './sub/where.js';\nconsole.log(JSON.stringify({ ...where, main: import.meta.url }));\n");
    node(root, 'scripts/build-server.mjs');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('gives bundled code the import.meta of its source file, so files beside the sources are found', () => {
    expect(runBundle(root)).toEqual({
      url: `file://${root}/src/sub/where.ts`,
      filename: join(root, 'src/sub/where.ts'),
      dirname: join(root, 'src/sub'),
      text: 'import.meta.url',
      main: `file://${root}/src/main.ts`,
    });
  });

  it('reuses the build while its sources are unchanged, also after the checkout moved', () => {
    expect(currentBuild(root)).toMatch(/\/\.build\/[\w-]+\/main\.js$/);
    const moved = join(base, 'moved');
    renameSync(root, moved);
    root = moved;
    expect(currentBuild(root).startsWith(join(root, '.build'))).toBe(true);
    expect(runBundle(root).url).toBe(`file://${root}/src/sub/where.ts`);
  });

  it('asks for a rebuild when a bundled source or the build configuration changed', () => {
    appendFileSync(join(root, 'src/sub/where.ts'), '// edited\n');
    expect(currentBuild(root)).toBe('null');
    node(root, 'scripts/build-server.mjs');
    expect(currentBuild(root)).not.toBe('null');
    appendFileSync(join(root, 'tsconfig.json'), '\n');
    expect(currentBuild(root)).toBe('null');
  });
});
