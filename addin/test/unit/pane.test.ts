// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TokenClient } from "../../src/taskpane/auth";
import type { Lead, MessageCopy } from "../../src/taskpane/model";
import type { OfficeLike } from "../../src/taskpane/office";
import { TaskPane } from "../../src/taskpane/pane";
import { type Call, FakeFetch, MemoryStore, developmentConfig, lead, mockOutlook } from "./fakes";

// The whole pane in a DOM (happy-dom): the Office object from office-addin-mock on global.Office, the
// SalesCoach API faked in memory with the contract's behaviour (idempotent activities, goals).

const qualified = { id: "qualified", name: "Qualified", guidance: "**Qualify** the need.", enteredAt: "2026-11-28T09:00:00Z" };

/** The API as a tiny in-memory SalesCoach: the `contacted` stage ends with any email. */
/** `copies`: the mail server's copy per message REST id, as the host adds it when it reads the message through Graph. */
function fakeSalesCoach(leads: Lead[], config: unknown = developmentConfig, copies: Record<string, MessageCopy> = {}): FakeFetch {
  const store = new Map(leads.map((l) => [l.id, structuredClone(l)]));
  const byPath = (call: Call) => store.get(decodeURIComponent(call.url.split("/")[3]!))!;
  return new FakeFetch()
    .on("GET config.json", () => ({ status: 200, body: config }))
    .on("GET /api/pipelines/{id}", () => ({ status: 200, body: { id: "inbox", name: "Inbox", stages: [{ id: "contacted", name: "Contacted", goal: { activity: { type: "email" } } }, { id: "qualified", name: "Qualified", goal: { any: [{ activity: { type: "email", tag: "proposal" } }] } }] } }))
    .on("GET /api/leads/by-email", (call) => {
      const emails = new URL(call.url, "http://x").searchParams.getAll("email");
      return { status: 200, body: [...store.values()].filter((l) => l.emails.some((e) => emails.includes(e))) };
    })
    .on("POST /api/leads/{id}/activities", (call) => {
      const current = byPath(call);
      const input = call.body as { externalId?: string; messageId?: string; tags: string[]; direction: "in" | "out" };
      if (!current.activities.some((a) => a.externalId === input.externalId)) {
        const copy = input.messageId ? copies[input.messageId] : undefined;
        const server = copy ? { subject: "RE: Licences for next year (server)", externalId: copy.internetMessageId, message: copy } : {};
        current.activities.push({ id: `a${current.activities.length + 1}`, type: "email", at: "2026-11-28T08:30:00Z", stageId: current.stage!.id, loggedBy: "ana", ...input, ...server });
        if (current.stage?.id === "contacted") {
          current.stage = qualified;
          current.tasks = current.tasks.map((t) => (t.status === "open" ? { ...t, status: "skipped" } : t));
        }
      }
      return { status: 200, body: current };
    })
    .on("POST /api/leads/{id}/tasks/{taskId}/complete", (call) => {
      const current = byPath(call);
      const taskId = call.url.split("/")[5]!;
      current.tasks = current.tasks.map((t) => (t.id === taskId ? { ...t, status: "done" } : t));
      return { status: 200, body: current };
    })
    .on("POST /api/leads", (call) => {
      const body = call.body as { name: string; company?: string; emails: string[] };
      const created = lead({ id: "new1", name: body.name, company: body.company ?? null, emails: body.emails, ownerId: "bo", activities: [], stage: { id: "contacted", name: "Contacted", guidance: "Say hello.", enteredAt: "" } });
      store.set(created.id, created);
      return { status: 201, body: created };
    });
}

let root: HTMLElement;
/** Waits for the pane to settle (in-memory fakes answer at once; the bound only matters on a loaded machine). */
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 });
const office = () => (globalThis as unknown as { Office: OfficeLike }).Office;
const text = () => root.textContent ?? "";
const flush = () => waitFor(() => expect(root.querySelector('[data-testid="loading"]')).toBeNull());

function pane(fake: FakeFetch, extra: Partial<ConstructorParameters<typeof TaskPane>[0]> = {}): TaskPane {
  return new TaskPane({ office: office(), root, fetch: fake.fetch, store: new MemoryStore(), online: () => true, now: () => new Date("2026-11-28T09:00:00Z"), ...extra });
}

function click(selector: string): void {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector} in:\n${root.innerHTML}`);
  element.click();
}

beforeEach(() => {
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById("app")!;
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("TaskPane", () => {
  it("shows the sender's lead, acting as the rep whose address the mailbox has", async () => {
    mockOutlook();
    const fake = fakeSalesCoach([lead()]);

    await pane(fake).start();

    expect(root.querySelector('[data-testid="stage"]')?.textContent).toBe("Contacted");
    expect(text()).toContain("Reply to the first email");
    expect(root.querySelector<HTMLSelectElement>('[data-testid="identity"]')?.value).toBe("ana");
    expect(fake.requests("GET", "/api/leads/by-email")[0]!.headers["X-SalesCoach-User"]).toBe("ana");
  });

  it("logs the email with one click, shows the new stage and its guidance, and says already logged the second time", async () => {
    mockOutlook();
    const fake = fakeSalesCoach([lead()]);
    const taskPane = pane(fake);
    await taskPane.start();

    click('[data-testid="log"]');
    await waitFor(() => expect(root.querySelector('[data-testid="notice"]')?.textContent).toBe("Email logged. Goal met: Contacted → Qualified."));
    expect(root.querySelector('[data-testid="stage"]')?.textContent).toBe("Qualified");
    expect(root.querySelector('[data-testid="guidance"]')?.innerHTML).toContain("<strong>Qualify</strong>");
    expect(root.querySelector('input[name="tag"][value="proposal"]')).not.toBeNull(); // the new stage's goal tag
    expect(fake.requests("POST", "/api/leads/nw/activities")[0]!.body).toEqual({
      type: "email", direction: "in", subject: "Licences for next year", at: "2026-11-28T08:30:00.000Z", externalId: "<CAF1@northwind.example>",
      messageId: "AAMkAGI2TG93AAA=", tags: [],
    });

    click('[data-testid="log"]');
    await waitFor(() => expect(root.querySelector('[data-testid="notice"]')?.textContent).toContain("Already logged"));
    expect(fake.requests("POST", "/api/leads/nw/activities")).toHaveLength(2);
    expect(text()).toContain("This email is logged to this lead.");
    expect(root.querySelector('[data-testid="server-copy"]')).toBeNull(); // the host logged the pane's fields: nothing else to show
  });

  it("shows the server's copy after logging: subject, sender, sent time and a short preview; again when already logged", async () => {
    mockOutlook();
    const bodyPreview = `Hi Ana,\n\nwe would like <b>40 licences</b> from January. ${"Details follow in the attached order form. ".repeat(6)}`;
    const fake = fakeSalesCoach([lead()], developmentConfig, {
      "AAMkAGI2TG93AAA=": {
        messageId: "AAMkAGI2TG93AAA=", internetMessageId: "<CAF1@northwind.example>", from: "dana@northwind.example",
        to: ["ana@contoso.example"], sentAt: "2026-11-28T08:29:41Z", bodyPreview,
      },
    });
    await pane(fake).start();
    expect(root.querySelector('[data-testid="server-copy"]')).toBeNull();

    click('[data-testid="log"]');
    await waitFor(() => expect(root.querySelector('[data-testid="server-copy"]')).not.toBeNull());

    const copy = root.querySelector<HTMLElement>('[data-testid="server-copy"]')!;
    const fields = [...copy.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(copy.querySelector("h3")?.textContent).toBe("Logged from your mailbox");
    expect(fields).toEqual([["Subject", "RE: Licences for next year (server)"], ["From", "dana@northwind.example"], ["Sent", "2026-11-28 08:29 UTC"]]);
    expect(copy.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-28T08:29:41Z");
    const preview = copy.querySelector('[data-testid="server-copy-preview"]')!.textContent!;
    expect(preview.startsWith("Hi Ana, we would like <b>40 licences</b> from January.")).toBe(true); // text, not markup
    expect(copy.querySelector("b")).toBeNull();
    expect(preview.endsWith("…")).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(141);

    click('[data-testid="log"]');
    await waitFor(() => expect(root.querySelector('[data-testid="notice"]')?.textContent).toContain("Already logged"));
    expect(root.querySelector('[data-testid="server-copy"] dd')?.textContent).toBe("RE: Licences for next year (server)");
  });

  it("sends the ticked and typed tags", async () => {
    mockOutlook();
    const fake = fakeSalesCoach([lead({ stage: qualified })]);
    await pane(fake).start();

    root.querySelector<HTMLInputElement>('input[name="tag"][value="proposal"]')!.checked = true;
    root.querySelector<HTMLInputElement>('input[name="extraTags"]')!.value = "Pricing, q3";
    click('[data-testid="log"]');

    await waitFor(() => expect(fake.requests("POST", "/api/leads/nw/activities")).toHaveLength(1));
    expect((fake.requests("POST", "/api/leads/nw/activities")[0]!.body as { tags: string[] }).tags).toEqual(["proposal", "pricing", "q3"]);
  });

  it("completes a task from its Done button", async () => {
    mockOutlook();
    const fake = fakeSalesCoach([lead()]);
    await pane(fake).start();

    click('[data-task-id="reply"] [data-testid="complete"]');

    await waitFor(() => expect(root.querySelector('[data-testid="notice"]')?.textContent).toBe("Done: Reply to the first email."));
    expect(root.querySelector('[data-task-id="reply"]')).toBeNull();
    expect(fake.requests("POST", "/api/leads/nw/tasks/reply/complete")[0]!.body).toMatchObject({ operationId: expect.any(String) });
  });

  it("offers a lead from an unknown sender and creates it without naming a pipeline", async () => {
    mockOutlook({ from: { displayName: "Jane Doe", emailAddress: "jane.doe@fabrikam.example" } });
    const fake = fakeSalesCoach([]);
    await pane(fake).start();

    expect(root.querySelector('[data-testid="no-lead"]')).not.toBeNull();
    expect(root.querySelector<HTMLInputElement>('input[name="name"]')!.value).toBe("Jane Doe");
    expect(root.querySelector<HTMLInputElement>('input[name="company"]')!.value).toBe("Fabrikam");
    click('[data-testid="create"]');

    await waitFor(() => expect(root.querySelector('[data-testid="lead"]')).not.toBeNull());
    expect(fake.requests("POST", "/api/leads")[0]!.body).toEqual({ name: "Jane Doe", company: "Fabrikam", emails: ["jane.doe@fabrikam.example"] });
    expect(root.querySelector('[data-testid="notice"]')?.textContent).toBe("Lead created in Contacted, owned by bo.");
  });

  it("says not allowed on the card when the API answers 403", async () => {
    mockOutlook();
    const fake = fakeSalesCoach([lead()]).on("POST /api/leads/{id}/activities", () => ({
      status: 403, body: { errors: [{ path: "", message: "only the lead's owner, their manager or a rep with a task on it may log activities" }] },
    }));
    await pane(fake).start();

    click('[data-testid="log"]');

    await waitFor(() => expect(root.querySelector('[data-testid="notice"]')?.textContent).toBe(
      "Not allowed: You're signed in as Ana Rep (ana), but may not do this in SalesCoach: only the lead's owner, their manager or a rep with a task on it may log activities",
    ));
  });

  it("says offline when the host cannot be reached, and tries again when the connection is back", async () => {
    mockOutlook();
    let reachable = false;
    const fake = fakeSalesCoach([lead()]);
    const fetchOrFail: typeof fetch = (input, init) => (reachable ? fake.fetch(input, init) : Promise.reject(new TypeError("Failed to fetch")));
    await pane(fake, { fetch: fetchOrFail, events: window }).start();

    expect(root.querySelector('[data-testid="problem"]')?.getAttribute("data-problem")).toBe("offline");
    expect(text()).toContain("You're offline");

    reachable = true;
    window.dispatchEvent(new Event("online"));
    await waitFor(() => expect(root.querySelector('[data-testid="lead"]')).not.toBeNull());
  });

  it("is not signed in when the mailbox is nobody of the team, until an identity is chosen", async () => {
    mockOutlook({ user: "someone@elsewhere.example" });
    const fake = fakeSalesCoach([lead()]);
    const store = new MemoryStore();
    await pane(fake, { store }).start();

    expect(root.querySelector('[data-testid="problem"]')?.getAttribute("data-problem")).toBe("unauthorized");
    expect(text()).toContain("Not signed in");
    expect(root.querySelector('[data-testid="sign-in"]')).toBeNull();

    const select = root.querySelector<HTMLSelectElement>('[data-testid="identity"]')!;
    select.value = "bo";
    select.dispatchEvent(new Event("change", { bubbles: true }));

    await waitFor(() => expect(root.querySelector('[data-testid="lead"]')).not.toBeNull());
    expect(fake.requests("GET", "/api/leads/by-email").at(-1)!.headers["X-SalesCoach-User"]).toBe("bo");
    expect(store.getItem("salescoach.developerIdentity")).toBe("bo");
  });

  it("in Production mode asks to sign in when a token needs the user, then loads with the bearer token", async () => {
    mockOutlook();
    const config = { apiBase: "/api", auth: { mode: "production", clientId: "3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c", scopes: ["api://h/3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c/access_as_user"] } };
    const fake = fakeSalesCoach([lead()], config);
    let signedIn = false;
    const client: TokenClient = {
      acquireTokenSilent: async () => {
        if (!signedIn) throw Object.assign(new Error("needs user"), { errorCode: "interaction_required" });
        return { accessToken: "tok", account: { username: "ana@contoso.com", name: "Ana Rep" } };
      },
      acquireTokenPopup: async () => {
        signedIn = true;
        return { accessToken: "tok", account: { username: "ana@contoso.com", name: "Ana Rep" } };
      },
    };
    await pane(fake, { tokenClientFactory: async () => client }).start();

    expect(root.querySelector('[data-testid="problem"]')?.getAttribute("data-problem")).toBe("unauthorized");
    click('[data-testid="sign-in"]');

    await waitFor(() => expect(root.querySelector('[data-testid="lead"]')).not.toBeNull());
    expect(fake.requests("GET", "/api/leads/by-email").at(-1)!.headers.Authorization).toBe("Bearer tok");
    expect(root.querySelector('[data-testid="user"]')?.textContent).toBe("Ana Rep");
  });

  it("asks for a message when none is open, and follows the selection when pinned", async () => {
    const mock = mockOutlook({ noItem: true });
    const fake = fakeSalesCoach([lead()]);
    await pane(fake).start();
    expect(root.querySelector('[data-testid="problem"]')?.getAttribute("data-problem")).toBe("noMessage");
    expect(text()).toContain("Open an email");

    (mock as unknown as OfficeLike).context.mailbox!.item = { itemType: "message", internetMessageId: "<x@y>", subject: "Now", from: { emailAddress: "dana@northwind.example" }, to: [] };
    mock.handlers.forEach((handler) => handler());
    await flush();
    await waitFor(() => expect(root.querySelector('[data-testid="lead"]')).not.toBeNull());
  });
});
