import { afterEach, describe, expect, it } from "vitest";
import { SalesCoachApi } from "../../src/taskpane/api";
import {
  completeTask, createLead, draftLead, emailActivity, findLeads, isOverdue, logEmail, openTasks, recentActivities, stageChange, suggestedEmailTags,
} from "../../src/taskpane/leads";
import { readMessage } from "../../src/taskpane/message";
import type { Lead, Pipeline } from "../../src/taskpane/model";
import type { OfficeLike } from "../../src/taskpane/office";
import { FakeFetch, lead, mockOutlook } from "./fakes";

const message = (data: Parameters<typeof mockOutlook>[0] = {}) => {
  mockOutlook(data);
  return readMessage((globalThis as unknown as { Office: OfficeLike }).Office);
};
const api = (fake: FakeFetch) => new SalesCoachApi({ baseUrl: "/api", headers: async () => ({}), fetch: fake.fetch });
const qualified = (before: Lead, extra: Partial<Lead> = {}): Lead => ({
  ...before,
  stage: { id: "qualified", name: "Qualified", guidance: "Qualify it.", enteredAt: "2026-11-28T09:00:00Z" },
  ...extra,
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("findLeads", () => {
  it("asks once for the sender and every recipient but the user, and says which address matched", async () => {
    const other = lead({ id: "fab", name: "Fabrikam", emails: ["finn@fabrikam.example"] });
    const fake = new FakeFetch().on("GET /api/leads/by-email", () => ({ status: 200, body: [other, lead()] }));

    const matches = await findLeads(api(fake), message({ cc: [{ displayName: "Finn", emailAddress: "finn@fabrikam.example" }] }));

    expect(fake.calls.map((c) => c.url)).toEqual(["/api/leads/by-email?email=dana%40northwind.example&email=finn%40fabrikam.example"]);
    expect(matches.map((m) => [m.lead.id, m.matchedBy])).toEqual([["nw", ["dana@northwind.example"]], ["fab", ["finn@fabrikam.example"]]]);
  });
});

describe("emailActivity", () => {
  it("is an inbound email with the subject, sent time, Internet message id, the message's REST id and clean tags", () => {
    expect(emailActivity(message(), [" Proposal", "proposal", "", "pricing "])).toEqual({
      type: "email",
      direction: "in",
      subject: "Licences for next year",
      at: "2026-11-28T08:30:00.000Z",
      externalId: "<CAF1@northwind.example>",
      messageId: "AAMkAGI2TG93AAA=",
      tags: ["proposal", "pricing"],
    });
  });

  it("names the message by its REST id so the host can log the server's copy", () => {
    expect(emailActivity(message({ itemId: "AAMk/a+b" }), []).messageId).toBe("AAMk-a_b");
    expect(emailActivity(message({ itemId: "" }), [])).not.toHaveProperty("messageId");
  });

  it("is outbound when the user sent the message", () => {
    const sent = message({ from: { displayName: "Ana", emailAddress: "ana@contoso.example" }, to: [{ displayName: "Dana", emailAddress: "dana@northwind.example" }] });
    expect(emailActivity(sent, []).direction).toBe("out");
  });
});

describe("logEmail", () => {
  it("logs the message and reports the stage the goal moved the lead to", async () => {
    const before = lead();
    const after = qualified(before, { activities: [{ id: "a1", type: "email", direction: "in", at: "2026-11-28T08:30:00Z", externalId: "<CAF1@northwind.example>", tags: [], stageId: "contacted", loggedBy: "ana" }] });
    const fake = new FakeFetch().on("POST /api/leads/{id}/activities", () => ({ status: 200, body: after }));

    const result = await logEmail(api(fake), before, message(), ["proposal"]);

    expect(result).toEqual({ status: "logged", lead: after, change: { from: "Contacted", to: "Qualified" }, copy: null }); // no server copy: the host logged these fields
    expect(fake.calls[0]!.body).toMatchObject({ type: "email", externalId: "<CAF1@northwind.example>", messageId: "AAMkAGI2TG93AAA=", tags: ["proposal"] });
  });

  it("says already logged when the API answers 200 with the same activities", async () => {
    const logged = lead({ activities: [{ id: "a1", type: "email", direction: "in", at: "2026-11-28T08:30:00Z", externalId: "<CAF1@northwind.example>", tags: [], stageId: "contacted", loggedBy: "ana" }] });
    const fake = new FakeFetch().on("POST /api/leads/{id}/activities", () => ({ status: 200, body: logged }));

    expect((await logEmail(api(fake), logged, message(), [])).status).toBe("already");
    expect((await logEmail(api(fake), { ...logged, activities: [] }, message(), [])).status).toBe("logged");
    const unchanged = new FakeFetch().on("POST /api/leads/{id}/activities", () => ({ status: 200, body: lead() }));
    expect((await logEmail(api(unchanged), lead(), message(), [])).status).toBe("already");
  });

  it("returns the server's copy when the host read the message through Graph", async () => {
    const copy = { messageId: "AAMkAGI2TG93AAA=", internetMessageId: "<CAF1@northwind.example>", from: "dana@northwind.example", to: ["ana@contoso.example"], sentAt: "2026-11-28T08:29:41Z", bodyPreview: "We would like 40 licences." };
    const after = lead({ activities: [{ id: "a1", type: "email", direction: "in", subject: "Licences", at: "2026-11-28T08:29:41Z", externalId: "<CAF1@northwind.example>", tags: [], stageId: "contacted", loggedBy: "ana", message: copy }] });
    const fake = new FakeFetch().on("POST /api/leads/{id}/activities", () => ({ status: 200, body: after }));

    const result = await logEmail(api(fake), lead(), message(), []);

    expect(result.copy).toEqual({ subject: "Licences", from: "dana@northwind.example", sentAt: "2026-11-28T08:29:41Z", preview: "We would like 40 licences." });
  });
});

describe("completeTask", () => {
  it("sends a fresh operation id and reports a goal met", async () => {
    const before = lead();
    const fake = new FakeFetch().on("POST /api/leads/{id}/tasks/{taskId}/complete", () => ({ status: 200, body: qualified(before) }));

    const result = await completeTask(api(fake), before, "reply", () => "op-42");

    expect(fake.calls[0]).toMatchObject({ url: "/api/leads/nw/tasks/reply/complete", body: { operationId: "op-42" } });
    expect(result.change).toEqual({ from: "Contacted", to: "Qualified" });
  });
});

describe("draftLead and createLead", () => {
  it("prefills the person from the display name and the company from the domain", () => {
    expect(draftLead({ name: "Jane Doe", email: "jane.doe@fabrikam.example" })).toEqual({ name: "Jane Doe", company: "Fabrikam", emails: ["jane.doe@fabrikam.example"] });
    expect(draftLead({ name: "jane.doe@sales.northwind-traders.example", email: "jane.doe@sales.northwind-traders.example" })).toEqual({
      name: "Jane Doe", company: "Northwind Traders", emails: ["jane.doe@sales.northwind-traders.example"],
    });
    expect(draftLead({ name: "j_smith@gmail.com", email: "j_smith@gmail.com" })).toEqual({ name: "J Smith", emails: ["j_smith@gmail.com"] });
  });

  it("leaves the pipeline and the owner to the host's routing", async () => {
    const fake = new FakeFetch().on("POST /api/leads", () => ({ status: 201, body: lead() }));
    await createLead(api(fake), { name: " Jane Doe ", company: " ", emails: ["jane.doe@fabrikam.example"] });
    expect(fake.calls[0]!.body).toEqual({ name: "Jane Doe", emails: ["jane.doe@fabrikam.example"] });
  });
});

describe("what a card shows", () => {
  it("lists open tasks soonest first, and knows the overdue ones", () => {
    const tasks = openTasks(lead());
    expect(tasks.map((t) => t.id)).toEqual(["research", "reply"]);
    expect(tasks.map((t) => isOverdue(t, new Date("2026-11-28T09:00:00Z")))).toEqual([true, false]);
  });

  it("lists the last activities newest first", () => {
    const at = (day: number) => ({ id: `a${day}`, type: "note", at: `2026-11-${day}T09:00:00Z`, tags: [], stageId: "s", loggedBy: "ana" });
    expect(recentActivities(lead({ activities: [at(20), at(25), at(22), at(21), at(24), at(23)] }), 3).map((a) => a.id)).toEqual(["a25", "a24", "a23"]);
  });

  it("offers the tags an email goal of the current stage looks for", () => {
    const pipeline: Pipeline = {
      id: "b2b",
      name: "B2B",
      stages: [
        { id: "meeting", name: "Meeting", goal: { activity: { type: "meeting" } } },
        { id: "proposal", name: "Proposal", goal: { any: [{ activity: { type: "email", direction: "out", tag: "Proposal" } }, { all: [{ activity: { type: "email", tag: "quote" } }] }, { manual: true }] } },
      ],
    };
    expect(suggestedEmailTags(pipeline, "proposal")).toEqual(["proposal", "quote"]);
    expect(suggestedEmailTags(pipeline, "meeting")).toEqual([]);
    expect(suggestedEmailTags(null, "proposal")).toEqual([]);
  });

  it("tells a stage move, and a close, from no change", () => {
    const before = lead();
    expect(stageChange(before, before)).toBeNull();
    expect(stageChange(before, qualified(before))).toEqual({ from: "Contacted", to: "Qualified" });
    expect(stageChange(before, { ...before, status: "won" })).toEqual({ from: "Contacted", to: "won" });
  });
});
