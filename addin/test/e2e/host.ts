import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "..", "..", "..");

/** The built host: $SALESCOACH_BOT_DLL, else bot's Release or Debug output; built (Release) when there is none. */
export function botDll(): string {
  const candidates = [
    process.env.SALESCOACH_BOT_DLL,
    join(repoRoot, "bot/bin/Release/net10.0/SalesCoach.Bot.dll"),
    join(repoRoot, "bot/bin/Debug/net10.0/SalesCoach.Bot.dll"),
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (found) {
    return found;
  }
  execFileSync("dotnet", ["build", join(repoRoot, "bot"), "-c", "Release", "-nologo", "-clp:ErrorsOnly"], { stdio: "inherit" });
  return candidates[1]!;
}

/** Loopback ports the OS says are free (all held until all are picked, so none repeats). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((ok, fail) => {
      const server = createServer();
      server.once("error", fail);
      server.listen(0, "127.0.0.1", () => ok(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

/** The real SalesCoach host as a process: its own SQLite file and silo ports, the sample data seeded. */
export class RunningHost {
  private output = "";

  private constructor(
    readonly baseUrl: string,
    private readonly process: ChildProcess,
    private readonly directory: string,
  ) {
    process.stdout?.on("data", (d) => (this.output += d));
    process.stderr?.on("data", (d) => (this.output += d));
  }

  static async start(): Promise<RunningHost> {
    const dll = botDll();
    const [http, silo, gateway] = await freePorts(3);
    const directory = mkdtempSync(join(tmpdir(), "salescoach-addin-e2e-"));
    const child = spawn(
      "dotnet",
      [dll, "--urls", `http://127.0.0.1:${http}`, "--Storage:Sqlite:Path", join(directory, "salescoach.db"),
        "--Orleans:SiloPort", String(silo), "--Orleans:GatewayPort", String(gateway)],
      { cwd: directory, env: { ...process.env, DOTNET_NOLOGO: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const host = new RunningHost(`http://127.0.0.1:${http}`, child, directory);
    await host.waitUntilReady();
    return host;
  }

  /** An API call as `user` (the embedded default's loopback developer header). */
  async api<T = unknown>(user: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "X-SalesCoach-User": user, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Like {@link api}, but the status must be 2xx. */
  async ok<T = unknown>(user: string, method: string, path: string, body?: unknown): Promise<T> {
    const result = await this.api<T>(user, method, path, body);
    if (result.status < 200 || result.status > 299) {
      throw new Error(`${method} ${path} as ${user}: ${result.status} ${JSON.stringify(result.body)}`);
    }
    return result.body;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((ok) => this.process.once("exit", ok));
      this.process.kill("SIGTERM");
      const timer = setTimeout(() => this.process.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  /** Healthy (silo active, storage answering) and seeded (the sample pipeline exists): a bounded readiness probe. */
  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) {
        throw new Error(`the host exited with ${this.process.exitCode}:\n${this.output}`);
      }
      try {
        const health = await fetch(`${this.baseUrl}/healthz`);
        if (health.ok && (await this.api("admin", "GET", "/api/pipelines/b2b")).status === 200) {
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((ok) => setTimeout(ok, 250));
    }
    await this.stop();
    throw new Error(`the host did not become ready in 120 s:\n${this.output}`);
  }
}
