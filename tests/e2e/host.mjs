// Starts the real SalesCoach host (the built bot dll) on free loopback ports with a fresh SQLite
// file, and stops it. Used by the end-to-end tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function botDll() {
  const candidates = [
    process.env.SALESCOACH_BOT_DLL,
    join(repo, 'bot', 'bin', 'Release', 'net10.0', 'SalesCoach.Bot.dll'),
    join(repo, 'bot', 'bin', 'Debug', 'net10.0', 'SalesCoach.Bot.dll'),
  ].filter(Boolean);
  const found = candidates.find(existsSync);
  if (!found) throw new Error(`build the host first (dotnet build); looked for ${candidates.join(', ')}`);
  return found;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export async function startHost() {
  const [http, silo, gateway] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'salescoach-e2e-'));
  const url = `http://127.0.0.1:${http}`;
  const child = spawn('dotnet', [botDll(),
    '--urls', url,
    '--Storage:Provider', 'Sqlite', '--Storage:Sqlite:Path', join(dataDir, 'salescoach.db'),
    '--Orleans:SiloPort', String(silo), '--Orleans:GatewayPort', String(gateway)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', d => { log += d; });
  child.stderr.on('data', d => { log += d; });

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the host exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) throw new Error(`the host did not become healthy:\n${log}`);

  return {
    url,
    log: () => log,
    async api(method, path, user, body, contentType = 'application/json') {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'X-SalesCoach-User': user, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async stop() {
      child.kill('SIGKILL');
      await new Promise(r => child.exitCode !== null ? r() : child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
