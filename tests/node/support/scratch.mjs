// A scratch project outside the repository with the packed package installed from its tarball,
// as a developer's app would have it, and the apps of tests/node/apps copied into it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repo = fileURLToPath(new URL('../../../', import.meta.url));
const apps = fileURLToPath(new URL('../apps/', import.meta.url));

/** Runs a command, failing with its output (a type error, a build error) in the message. */
export async function sh(command, args, cwd) {
  try {
    return await run(command, args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/**
 * `npm pack`s the repository (its dist/ built by `pretest`) into a new folder under the system's
 * temp folder and installs the tarball there with `packages`, at the versions the repository's
 * own devDependencies pin (so the npm cache that `npm ci` filled serves them).
 */
export async function scratchProject(packages) {
  const dir = await mkdtemp(join(tmpdir(), 'e-paper-consumer-'));
  try {
    const { stdout } = await sh('npm', ['pack', '--json', '--pack-destination', dir], repo);
    const tarball = join(dir, JSON.parse(stdout)[0].filename);
    const { devDependencies } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    const specs = packages.map((name) => {
      if (!devDependencies[name])
        throw new Error(`${name} is no devDependency of the repository: add it, pinned, so installs stay offline`);
      return `${name}@${devDependencies[name]}`;
    });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'e-paper-consumer', private: true, type: 'module' }));
    await sh('npm', ['install', tarball, ...specs, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    await cp(apps, dir, { recursive: true });
    return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
