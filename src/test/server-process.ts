/** The real server as `npm start` runs it, in its own process, for tests that kill it (one process, so SIGKILL hits the server itself). */
import { spawn, type ChildProcess } from 'node:child_process';

export async function startServerProcess(env: NodeJS.ProcessEnv, baseUrl: string, ms = 480_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // A first PGlite start builds the demo city: minutes on a busy machine.
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    if (await fetch(`${baseUrl}/api/v1/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

export const processExited = (child: ChildProcess): Promise<unknown> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
