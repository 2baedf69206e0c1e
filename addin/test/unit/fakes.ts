import { OfficeMockObject } from "office-addin-mock";
import type { Lead } from "../../src/taskpane/model";

/** An Outlook read-mode message, as office-addin-mock objects are built (plain data, no nulls). */
export interface MailData {
  from?: { displayName: string; emailAddress: string };
  to?: { displayName: string; emailAddress: string }[];
  cc?: { displayName: string; emailAddress: string }[];
  subject?: string;
  internetMessageId?: string;
  itemId?: string;
  conversationId?: string;
  dateTimeCreated?: Date;
  itemType?: string;
  user?: string;
  noItem?: boolean;
  /** Leave out Mailbox 1.3's convertToRestId, as Outlook mobile does. */
  noRestIds?: boolean;
}

/** What Office's convertToRestId does to an EWS id: base64 made URL-safe. Records the REST version asked for. */
export const restIdCalls: unknown[] = [];
export function toRestId(itemId: string, version: unknown): string {
  restIdCalls.push(version);
  return itemId.replace(/\//g, "-").replace(/\+/g, "_");
}

/** An Office object for Outlook built with office-addin-mock, assigned to global.Office as the add-in template's tests do. */
export function mockOutlook(data: MailData = {}): OfficeMockObject & { handlers: (() => void)[] } {
  const handlers: (() => void)[] = [];
  const item = {
    itemType: data.itemType ?? "message",
    itemId: data.itemId ?? "AAMkAGI2TG93AAA=",
    internetMessageId: data.internetMessageId ?? "<CAF1@northwind.example>",
    conversationId: data.conversationId ?? "AAQkAGI2conv",
    subject: data.subject ?? "Licences for next year",
    from: data.from ?? { displayName: "Dana Buyer", emailAddress: "Dana@Northwind.example" },
    to: data.to ?? [{ displayName: "Ana Rep", emailAddress: "ana@contoso.example" }],
    cc: data.cc ?? [],
    dateTimeCreated: data.dateTimeCreated ?? new Date("2026-11-28T08:30:00Z"),
  };
  const mock = new OfficeMockObject({
    host: "outlook",
    context: {
      mailbox: {
        ...(data.noItem ? {} : { item }),
        userProfile: { emailAddress: data.user ?? "ana@contoso.example", displayName: "Ana Rep" },
        ...(data.noRestIds ? {} : { convertToRestId: toRestId }),
        addHandlerAsync: (_type: unknown, handler: () => void) => {
          handlers.push(handler);
        },
      },
      requirements: { isSetSupported: () => true },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    MailboxEnums: { RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" } },
    onReady: async (callback?: (info: { host: string }) => void) => {
      callback?.({ host: "Outlook" });
      return { host: "Outlook" };
    },
  }) as OfficeMockObject & { handlers: (() => void)[] };
  mock.handlers = handlers;
  (globalThis as { Office?: unknown }).Office = mock;
  return mock;
}

export function lead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: "nw",
    name: "Northwind",
    company: "Northwind Traders",
    emails: ["dana@northwind.example"],
    ownerId: "ana",
    pipelineId: "inbox",
    pipelineVersion: 1,
    status: "open",
    stage: { id: "contacted", name: "Contacted", guidance: "Answer **within a day**.", enteredAt: "2026-11-28T08:00:00Z" },
    tasks: [
      { id: "reply", stageId: "contacted", title: "Reply to the first email", status: "open", dueAt: "2026-11-29T08:00:00Z", assigneeId: "ana" },
      { id: "research", stageId: "contacted", title: "Research the company", status: "open", dueAt: "2026-11-28T06:00:00Z", assigneeId: "ana" },
      { id: "old", stageId: "contacted", title: "Skipped one", status: "skipped", dueAt: "2026-11-27T08:00:00Z", assigneeId: "ana" },
    ],
    activities: [],
    ...overrides,
  };
}

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/** A fetch that answers from route handlers ("GET /api/leads/by-email") and records every call. */
export class FakeFetch {
  readonly calls: Call[] = [];
  private readonly routes: [string, Handler][] = [];

  on(route: string, handler: Handler): this {
    this.routes.unshift([route, handler]);
    return this;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = String(input);
    const call: Call = {
      method: init?.method ?? "GET",
      url,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    this.calls.push(call);
    const path = url.replace(/^https?:\/\/[^/]+/, "").split("?")[0]!;
    const match = this.routes.find(([route]) => {
      const [method, pattern] = route.split(" ");
      return method === call.method && new RegExp(`^${pattern!.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path);
    });
    if (!match) {
      return new Response(JSON.stringify({ errors: [{ path: "", message: `no fake for ${call.method} ${path}` }] }), { status: 404 });
    }
    const answer = await match[1](call);
    return new Response(answer.body === undefined ? "" : JSON.stringify(answer.body), { status: answer.status });
  };

  requests(method: string, pathStart: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.url.replace(/^https?:\/\/[^/]+/, "").startsWith(pathStart));
  }
}

export const developmentConfig = {
  apiBase: "/api",
  auth: {
    mode: "development",
    userHeader: "X-SalesCoach-User",
    users: [
      { id: "ana", name: "Ana Rep", email: "ana@contoso.example", roles: ["rep"] },
      { id: "bo", name: "Bo Rep", email: "bo@contoso.example", roles: ["rep"] },
    ],
  },
};

export class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
