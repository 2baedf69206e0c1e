import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockMessage, launchChromium, openPane, paneContext } from "./browser";
import { RunningHost } from "./host";

// The real pane page, served by the real host (started here as a process), in headless Chromium with
// an Office mailbox mock. Checks go through the API, as any client would see them.

interface Lead {
  id: string;
  name: string;
  company?: string;
  stage: { id: string; name: string } | null;
  tasks: { id: string; status: string }[];
  activities: { type: string; direction: string; externalId: string; tags: string[] }[];
  pipelineId: string;
  ownerId: string;
  history: { stageId: string; exit?: string }[];
}

const screenshots = process.env.SALESCOACH_SCREENSHOTS ? resolve(import.meta.dirname, "../../../docs/addin") : null;
let host: RunningHost;
let browser: Browser;
let run = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++run}`;

async function screenshot(page: Page, name: string): Promise<void> {
  if (screenshots) {
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, name), fullPage: true });
  }
}

function mail(from: string, to: string, user: string, subject: string, id: string): MockMessage {
  return {
    subject,
    from: { displayName: from === user ? "Ana Rep" : "Dana Buyer", emailAddress: from },
    to: [{ displayName: to, emailAddress: to }],
    internetMessageId: `<${id}@mail.example>`,
    user,
  };
}

beforeAll(async () => {
  host = await RunningHost.start();
  browser = await launchChromium();
  // A pipeline whose first stage ends with any email: logging the message from the pane meets it.
  await host.ok("admin", "PUT", "/api/pipelines/e2e-mail", {
    id: "e2e-mail",
    name: "Inbound email",
    criteria: { products: ["e2e-mail"] },
    stages: [
      { id: "contacted", name: "Contacted", guidance: "Answer within a day.", probability: 0.2, goal: { activity: { type: "email" } },
        tasks: [{ id: "reply", title: "Reply to the first email", dueAfter: "P1D" }] },
      { id: "qualified", name: "Qualified", guidance: "**Qualify** the need: budget, authority, timing.", probability: 0.5, goal: { manual: true }, tasks: [] },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("Outlook task pane on the real host", () => {
  it("shows the lead of the sender, logs the email once, advances through the activity: email goal, then says already logged", async () => {
    const contact = "dana@northwind.example";
    const lead = await host.ok<Lead>("admin", "POST", "/api/leads", {
      id: unique("nw"), name: "Northwind", company: "Northwind Traders", emails: [contact], pipelineId: "e2e-mail", ownerId: "ana", product: "e2e-mail",
    });
    expect(lead.stage?.id).toBe("contacted");
    const context = await paneContext(browser, mail(contact, "ana@contoso.example", "ana@contoso.example", "Question about licences", unique("m")));
    const page = await openPane(context, host.baseUrl);

    const card = page.getByTestId("lead");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator("h2").innerText()).toContain("Northwind");
    expect(await card.getByTestId("stage").innerText()).toBe("Contacted");
    expect(await card.locator(".sc-tasks").innerText()).toContain("Reply to the first email");
    expect(await page.getByTestId("identity").inputValue()).toBe("ana");

    await card.getByTestId("log").click();
    await expect.poll(() => card.getByTestId("notice").textContent()).toContain("Goal met: Contacted → Qualified");
    expect(await card.getByTestId("stage").innerText()).toBe("Qualified");
    expect(await card.getByTestId("guidance").innerText()).toContain("Qualify the need");
    expect(await card.getByTestId("server-copy").count()).toBe(0); // no Graph here: the host logged the pane's fields, nothing else to show

    const afterFirst = await host.ok<Lead>("ana", "GET", `/api/leads/${lead.id}`);
    expect(afterFirst.stage?.id).toBe("qualified");
    expect(afterFirst.history.find((h) => h.stageId === "contacted")?.exit).toBe("goal");
    expect(afterFirst.activities).toHaveLength(1);
    expect(afterFirst.activities[0]).toMatchObject({ type: "email", direction: "in" });
    expect(afterFirst.tasks.find((t) => t.id === "reply")?.status).toBe("skipped");

    await card.getByTestId("log").click();
    await expect.poll(() => card.getByTestId("notice").textContent()).toContain("Already logged");
    const afterSecond = await host.ok<Lead>("ana", "GET", `/api/leads/${lead.id}`);
    expect(afterSecond.activities).toHaveLength(1);
    expect(afterSecond.stage?.id).toBe("qualified");
    await context.close();
  });

  it("logs a sent proposal with the goal's tag: the b2b lead moves from Proposal to Negotiation, and a task is completed there", async () => {
    const contact = "cto@acme.example";
    const lead = await host.ok<Lead>("admin", "POST", "/api/leads", {
      id: unique("acme"), name: "Acme", company: "Acme Oy", emails: [contact], value: 12000, currency: "EUR", pipelineId: "b2b", ownerId: "ana",
    });
    await host.ok("ana", "POST", `/api/leads/${lead.id}/activities`, { type: "meeting", subject: "Intro" });
    await host.ok("ana", "POST", `/api/leads/${lead.id}/activities`, { type: "demo" });
    expect((await host.ok<Lead>("ana", "GET", `/api/leads/${lead.id}`)).stage?.id).toBe("proposal");

    const context = await paneContext(browser, mail("ana@contoso.example", contact, "ana@contoso.example", "Our proposal", unique("p")));
    const page = await openPane(context, host.baseUrl);
    const card = page.getByTestId("lead");
    await expect.poll(() => card.getByTestId("stage").textContent()).toBe("Proposal");
    await screenshot(page, "pane-lead.png");

    await card.locator('input[name="tag"][value="proposal"]').check();
    await card.getByTestId("log").click();
    await expect.poll(() => card.getByTestId("notice").textContent()).toContain("Goal met: Proposal → Negotiation");
    expect(await card.getByTestId("guidance").innerText()).toContain("get the contract signed");
    const logged = await host.ok<Lead>("ana", "GET", `/api/leads/${lead.id}`);
    expect(logged.stage?.id).toBe("negotiate");
    expect(logged.activities.at(-1)).toMatchObject({ type: "email", direction: "out", tags: ["proposal"] });

    await card.locator('[data-task-id="confirm-signers"] [data-testid="complete"]').click();
    await expect.poll(() => card.getByTestId("notice").textContent()).toContain("Done: Confirm who signs");
    const completed = await host.ok<Lead>("ana", "GET", `/api/leads/${lead.id}`);
    expect(completed.tasks.find((t) => t.id === "confirm-signers")?.status).toBe("done");
    await context.close();
  });

  it("offers to create a lead from an unknown sender, prefilled from the address, and routing picks the pipeline", async () => {
    const sender = "jane.doe@fabrikam.example";
    const context = await paneContext(browser, { ...mail(sender, "ana@contoso.example", "ana@contoso.example", "Hello", unique("n")), from: { displayName: "Jane Doe", emailAddress: sender } });
    const page = await openPane(context, host.baseUrl);
    await expect.poll(() => page.getByTestId("no-lead").count()).toBe(1);
    expect(await page.locator('input[name="name"]').inputValue()).toBe("Jane Doe");
    expect(await page.locator('input[name="company"]').inputValue()).toBe("Fabrikam");
    expect(await page.locator('input[name="email"]').inputValue()).toBe(sender);
    await screenshot(page, "pane-no-lead.png");

    await page.getByTestId("create").click();
    await expect.poll(() => page.getByTestId("lead").count()).toBe(1);
    const [created] = await host.ok<Lead[]>("admin", "GET", `/api/leads?email=${encodeURIComponent(sender)}`);
    expect(created).toMatchObject({ name: "Jane Doe", company: "Fabrikam", pipelineId: "b2b" });
    expect(created?.stage?.id).toBe("qualify");
    await context.close();
  });

  it("says when SalesCoach cannot be reached, and asks who you are when the mailbox is nobody of the team", async () => {
    const offline = await paneContext(browser, mail("x@offline.example", "ana@contoso.example", "ana@contoso.example", "Hi", unique("o")));
    await offline.route("**/api/**", (route) => route.abort("internetdisconnected"));
    const page = await openPane(offline, host.baseUrl);
    await expect.poll(() => page.getByTestId("problem").getAttribute("data-problem")).toBe("offline");
    expect(await page.getByTestId("problem").innerText()).toContain("You're offline");
    await screenshot(page, "pane-error.png");
    await offline.close();

    const contact = "someone@stranger.example";
    await host.ok("admin", "POST", "/api/leads", { id: unique("st"), name: "Stranger", emails: [contact], pipelineId: "b2b", ownerId: "bo" });
    const nobody = await paneContext(browser, mail(contact, "someone@elsewhere.example", "someone@elsewhere.example", "Hi", unique("s")));
    const pane = await openPane(nobody, host.baseUrl);
    await expect.poll(() => pane.getByTestId("problem").getAttribute("data-problem")).toBe("unauthorized");
    expect(await pane.getByTestId("problem").innerText()).toContain("Not signed in");
    await pane.getByTestId("identity").selectOption("bo");
    await expect.poll(() => pane.getByTestId("lead").count()).toBe(1);
    expect(await pane.getByTestId("lead").locator("h2").innerText()).toContain("Stranger");
    await nobody.close();
  });
});
