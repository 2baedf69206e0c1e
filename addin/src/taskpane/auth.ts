import { ApiError } from "./api";

/** Someone the developer may act as in the embedded default. */
export interface DeveloperIdentity {
  id: string;
  name: string;
  email?: string | null;
  roles: string[];
}

export type AuthConfig =
  | { mode: "development"; userHeader: string; users: DeveloperIdentity[] }
  | { mode: "production"; clientId: string; authority?: string | null; scopes: string[] };

/** What the host tells the pane before it signs in (`GET /addin/config.json`). */
export interface PaneConfig {
  apiBase: string;
  auth: AuthConfig;
}

/** Reads the host's `config.json` beside the page. */
export async function loadConfig(fetchFn: typeof fetch, url = "config.json"): Promise<PaneConfig> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new ApiError("offline", "SalesCoach cannot be reached.");
  }
  if (!response.ok) {
    throw new ApiError("server", `SalesCoach did not say how to sign in (config.json answered ${response.status}).`, response.status);
  }
  const config = (await response.json()) as PaneConfig;
  const mode = String(config.auth?.mode ?? "").toLowerCase();
  if (mode === "production") {
    const auth = config.auth as Extract<AuthConfig, { mode: "production" }>;
    if (!auth.clientId || !auth.scopes?.length) {
      throw new ApiError("server", "SalesCoach runs in Production mode but has no Addin:ClientId or Auth:Audience configured.");
    }
    return { apiBase: config.apiBase || "/api", auth: { ...auth, mode: "production" } };
  }
  const dev = config.auth as Extract<AuthConfig, { mode: "development" }>;
  return {
    apiBase: config.apiBase || "/api",
    auth: { mode: "development", userHeader: dev.userHeader || "X-SalesCoach-User", users: dev.users ?? [] },
  };
}

/** The caller's credentials for each API request. */
export interface Session {
  readonly mode: "development" | "production";
  /** Who the pane acts as, for its header; null when nobody is signed in yet. */
  readonly userLabel: string | null;
  headers(): Promise<Record<string, string>>;
}

/** Chooses the developer identity: the one picked before, else the rep whose email is the mailbox's, else nobody. */
export function pickDeveloper(users: DeveloperIdentity[], stored: string | null, mailboxEmail: string | null): DeveloperIdentity | null {
  const byStored = stored ? users.find((u) => u.id === stored) : undefined;
  if (byStored) {
    return byStored;
  }
  const email = (mailboxEmail ?? "").toLowerCase();
  return (email && users.find((u) => (u.email ?? "").toLowerCase() === email)) || null;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The embedded default: the loopback-only header naming a rep of the sample team (Auth:Mode Development). */
export class DevelopmentSession implements Session {
  static readonly storageKey = "salescoach.developerIdentity";
  readonly mode = "development" as const;
  private current: DeveloperIdentity | null;

  constructor(
    private readonly config: Extract<AuthConfig, { mode: "development" }>,
    private readonly store: KeyValueStore | null,
    mailboxEmail: string | null,
  ) {
    this.current = pickDeveloper(config.users, store?.getItem(DevelopmentSession.storageKey) ?? null, mailboxEmail);
  }

  get users(): DeveloperIdentity[] {
    return this.config.users;
  }

  get userId(): string | null {
    return this.current?.id ?? null;
  }

  get userLabel(): string | null {
    return this.current ? `${this.current.name} (${this.current.id})` : null;
  }

  /** Acts as another developer identity from now on (remembered for the next message). */
  choose(id: string): void {
    const user = this.config.users.find((u) => u.id === id);
    if (!user) {
      throw new Error(`'${id}' is not one of the identities SalesCoach offers`);
    }
    this.current = user;
    this.store?.setItem(DevelopmentSession.storageKey, id);
  }

  async headers(): Promise<Record<string, string>> {
    if (!this.current) {
      throw new ApiError("unauthorized", "Not signed in: choose who you are.");
    }
    return { [this.config.userHeader]: this.current.id };
  }
}

/** The part of MSAL's public client application the pane uses (createNestablePublicClientApplication returns one). */
export interface TokenClient {
  acquireTokenSilent(request: { scopes: string[]; account?: unknown }): Promise<TokenResult>;
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }): Promise<TokenResult>;
  getActiveAccount?(): unknown;
  setActiveAccount?(account: unknown): void;
}

export interface TokenResult {
  accessToken: string;
  account?: { username?: string; name?: string } | null;
}

export type TokenClientFactory = (configuration: { auth: { clientId: string; authority?: string } }) => Promise<TokenClient>;

/** MSAL.js nested app authentication, loaded only when the host runs in Production mode. */
export const msalNestedAppFactory: TokenClientFactory = async (configuration) => {
  const msal = await import("@azure/msal-browser");
  return (await msal.createNestablePublicClientApplication(configuration)) as unknown as TokenClient;
};

/**
 * Production: an Entra ID access token for the SalesCoach API through nested app authentication
 * (Outlook brokers the sign-in; MSAL falls back to a normal popup where a client cannot).
 * Silent first; when that needs the user, the pane shows "Sign in" and {@link signIn} opens the popup.
 */
export class NestedAppSession implements Session {
  readonly mode = "production" as const;
  private client: TokenClient | null = null;
  private account: TokenResult["account"] = null;

  constructor(
    private readonly config: Extract<AuthConfig, { mode: "production" }>,
    private readonly loginHint: string | null,
    private readonly factory: TokenClientFactory = msalNestedAppFactory,
  ) {}

  get userLabel(): string | null {
    return this.account?.name || this.account?.username || null;
  }

  async headers(): Promise<Record<string, string>> {
    const client = await this.tokenClient();
    try {
      const result = await client.acquireTokenSilent({ scopes: this.config.scopes, account: client.getActiveAccount?.() ?? undefined });
      return this.accept(client, result);
    } catch (error) {
      throw new ApiError("unauthorized", `Not signed in: ${describe(error)}`);
    }
  }

  /** Interactive sign-in; call it from a click (browsers block popups otherwise). */
  async signIn(): Promise<void> {
    const client = await this.tokenClient();
    try {
      this.accept(client, await client.acquireTokenPopup({ scopes: this.config.scopes, loginHint: this.loginHint ?? undefined }));
    } catch (error) {
      throw new ApiError("unauthorized", `Sign-in did not complete: ${describe(error)}`);
    }
  }

  private accept(client: TokenClient, result: TokenResult): Record<string, string> {
    if (result.account) {
      this.account = result.account;
      client.setActiveAccount?.(result.account);
    }
    return { Authorization: `Bearer ${result.accessToken}` };
  }

  private async tokenClient(): Promise<TokenClient> {
    this.client ??= await this.factory({
      auth: { clientId: this.config.clientId, ...(this.config.authority ? { authority: this.config.authority } : {}) },
    });
    return this.client;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "errorCode" in error && typeof error.errorCode === "string") {
    return error.errorCode.replace(/_/g, " ");
  }
  return error instanceof Error ? error.message : String(error);
}
