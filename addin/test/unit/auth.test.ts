import { describe, expect, it, vi } from "vitest";
import { DevelopmentSession, NestedAppSession, type TokenClient, loadConfig, pickDeveloper } from "../../src/taskpane/auth";
import { FakeFetch, MemoryStore, developmentConfig } from "./fakes";

const users = developmentConfig.auth.users;
const dev = { mode: "development" as const, userHeader: "X-SalesCoach-User", users };
const production = { mode: "production" as const, clientId: "3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c", authority: "https://login.microsoftonline.com/contoso", scopes: ["api://salescoach.contoso.com/3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c/access_as_user"] };

describe("loadConfig", () => {
  it("reads the development mode and its identities", async () => {
    const fake = new FakeFetch().on("GET config.json", () => ({ status: 200, body: developmentConfig }));
    expect(await loadConfig(fake.fetch)).toEqual({ apiBase: "/api", auth: dev });
  });

  it("reads the production mode, and refuses one without a client id", async () => {
    const ok = new FakeFetch().on("GET config.json", () => ({ status: 200, body: { apiBase: "/api", auth: { ...production, mode: "production" } } }));
    expect((await loadConfig(ok.fetch)).auth).toEqual(production);

    const missing = new FakeFetch().on("GET config.json", () => ({ status: 200, body: { apiBase: "/api", auth: { mode: "production", scopes: [] } } }));
    await expect(loadConfig(missing.fetch)).rejects.toMatchObject({ kind: "server" });
  });

  it("is offline when the host cannot be reached", async () => {
    await expect(loadConfig(async () => { throw new TypeError("Failed to fetch"); })).rejects.toMatchObject({ kind: "offline" });
  });
});

describe("pickDeveloper", () => {
  it("prefers the identity chosen before, then the rep with the mailbox's address, else nobody", () => {
    expect(pickDeveloper(users, "bo", "ana@contoso.example")?.id).toBe("bo");
    expect(pickDeveloper(users, "gone", "ANA@contoso.example")?.id).toBe("ana");
    expect(pickDeveloper(users, null, "someone@else.example")).toBeNull();
  });
});

describe("DevelopmentSession", () => {
  it("names the caller in the developer header", async () => {
    const session = new DevelopmentSession(dev, new MemoryStore(), "ana@contoso.example");
    expect(await session.headers()).toEqual({ "X-SalesCoach-User": "ana" });
    expect(session.userLabel).toBe("Ana Rep (ana)");
  });

  it("is not signed in until an identity is chosen, and remembers the choice", async () => {
    const store = new MemoryStore();
    const session = new DevelopmentSession(dev, store, "nobody@else.example");
    await expect(session.headers()).rejects.toMatchObject({ kind: "unauthorized" });

    session.choose("bo");

    expect(await session.headers()).toEqual({ "X-SalesCoach-User": "bo" });
    expect(new DevelopmentSession(dev, store, "nobody@else.example").userId).toBe("bo");
    expect(() => session.choose("mallory")).toThrow(/not one of/);
  });
});

function tokenClient(silent: () => Promise<{ accessToken: string; account?: { username: string; name: string } }>): TokenClient & { popup: ReturnType<typeof vi.fn> } {
  let active: unknown;
  const popup = vi.fn(async () => ({ accessToken: "popup-token", account: { username: "ana@contoso.com", name: "Ana Rep" } }));
  return {
    acquireTokenSilent: vi.fn(silent),
    acquireTokenPopup: popup,
    getActiveAccount: () => active,
    setActiveAccount: (a: unknown) => (active = a),
    popup,
  };
}

describe("NestedAppSession", () => {
  it("gets a token silently through nested app authentication for the API's scope", async () => {
    const client = tokenClient(async () => ({ accessToken: "silent-token", account: { username: "ana@contoso.com", name: "Ana Rep" } }));
    const factory = vi.fn(async () => client);
    const session = new NestedAppSession(production, "ana@contoso.com", factory);

    expect(await session.headers()).toEqual({ Authorization: "Bearer silent-token" });
    await session.headers();

    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith({ auth: { clientId: production.clientId, authority: production.authority } });
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: production.scopes, account: undefined });
    expect(session.userLabel).toBe("Ana Rep");
  });

  it("is not signed in when silent sign-in needs the user; signIn opens the popup with the mailbox as hint", async () => {
    let signedIn = false;
    const client = tokenClient(async () => {
      if (!signedIn) throw Object.assign(new Error("x"), { errorCode: "interaction_required" });
      return { accessToken: "after-popup" };
    });
    const session = new NestedAppSession(production, "ana@contoso.com", async () => client);

    await expect(session.headers()).rejects.toMatchObject({ kind: "unauthorized", message: "Not signed in: interaction required" });
    await session.signIn();
    signedIn = true;

    expect(client.popup).toHaveBeenCalledWith({ scopes: production.scopes, loginHint: "ana@contoso.com" });
    expect(await session.headers()).toEqual({ Authorization: "Bearer after-popup" });
  });

  it("reports a sign-in the user did not complete", async () => {
    const client = tokenClient(async () => ({ accessToken: "t" }));
    client.acquireTokenPopup = vi.fn(async () => { throw Object.assign(new Error("closed"), { errorCode: "user_cancelled" }); });
    const session = new NestedAppSession(production, null, async () => client);
    await expect(session.signIn()).rejects.toMatchObject({ kind: "unauthorized", message: "Sign-in did not complete: user cancelled" });
  });
});
