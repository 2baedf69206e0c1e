import { describe, expect, it } from "vitest";
import { escapeHtml, renderMarkdown } from "../../src/taskpane/markdown";
import type { MessageInfo } from "../../src/taskpane/message";
import { type PaneView, formatDue, renderPaneHtml } from "../../src/taskpane/view";
import { lead } from "./fakes";

const now = new Date("2026-11-28T09:00:00Z");
const message: MessageInfo = {
  itemId: "i", restId: "i", internetMessageId: "<m@x>", conversationId: "c", subject: "Licences", sentAt: null, userEmail: "ana@contoso.example",
  from: { name: "Dana Buyer", email: "dana@northwind.example" }, to: [{ name: "Ana", email: "ana@contoso.example" }], cc: [],
};
const view = (body: PaneView["body"]): PaneView => ({ identity: { mode: "development", users: [{ id: "ana", name: "Ana Rep", roles: [] }], currentId: "ana" }, message, body });

describe("renderPaneHtml", () => {
  it("shows a lead's stage, guidance, open tasks with due dates, last activities and the log button", () => {
    const html = renderPaneHtml(view({ kind: "leads", cards: [{ match: { lead: lead(), matchedBy: ["dana@northwind.example"] }, suggestedTags: ["proposal"] }] }), now);

    expect(html).toContain('data-testid="stage">Contacted<');
    expect(html).toContain("Answer <strong>within a day</strong>.");
    expect(html).toContain("Reply to the first email");
    expect(html).toContain("due in 23 h");
    expect(html).toContain('class="sc-overdue"');
    expect(html).not.toContain("Skipped one");
    expect(html).toContain('name="tag" value="proposal"');
    expect(html).toContain("Nothing logged yet.");
    expect(html).toContain('<option value="ana" selected>Ana Rep (ana)</option>');
    expect(html).toContain("From Dana Buyer");
  });

  it("says when this message is logged to a lead", () => {
    const logged = lead({ activities: [{ id: "a1", type: "email", direction: "in", subject: "Licences", at: "2026-11-28T08:30:00Z", externalId: "<m@x>", tags: ["pricing"], stageId: "contacted", loggedBy: "ana" }] });
    const html = renderPaneHtml(view({ kind: "leads", cards: [{ match: { lead: logged, matchedBy: [] }, suggestedTags: [] }] }), now);
    expect(html).toContain("This email is logged to this lead.");
    expect(html).toContain("email received: Licences");
    expect(html).toContain("#pricing");
  });

  it("escapes what people typed", () => {
    const evil = lead({ name: '<img src=x onerror="alert(1)">', stage: { id: "s", name: "<b>S</b>", guidance: "<script>alert(1)</script>", enteredAt: "" } });
    const html = renderPaneHtml(view({ kind: "leads", cards: [{ match: { lead: evil, matchedBy: [] }, suggestedTags: [] }] }), now);
    expect(html).not.toMatch(/<img|<script|<b>S/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("offers a prefilled lead for an unknown sender", () => {
    const html = renderPaneHtml(view({ kind: "noLead", contacts: ["jane@fabrikam.example"], draft: { name: "Jane", company: "Fabrikam", email: "jane@fabrikam.example" } }), now);
    expect(html).toContain("No lead for this message");
    expect(html).toContain('name="name" required value="Jane"');
    expect(html).toContain('name="company" value="Fabrikam"');
    expect(html).toContain("is not a contact of any lead you can see");
  });

  it("states a problem plainly, with Sign in only where signing in helps", () => {
    const offline = renderPaneHtml(view({ kind: "problem", problem: "offline", title: "You're offline", detail: "d", canSignIn: false, canRetry: true }), now);
    const signIn = renderPaneHtml(view({ kind: "problem", problem: "unauthorized", title: "Not signed in", detail: "d", canSignIn: true, canRetry: true }), now);
    expect(offline).toContain('data-problem="offline"');
    expect(offline).toContain('data-action="retry"');
    expect(offline).not.toContain("sign-in");
    expect(signIn).toContain('data-action="sign-in"');
  });
});

describe("formatDue", () => {
  it("says how long until, or since, a task is due", () => {
    const task = (dueAt: string) => ({ id: "t", stageId: "s", title: "t", status: "open" as const, dueAt, assigneeId: "ana" });
    expect(formatDue(task("2026-11-28T13:00:00Z"), now)).toBe("due in 4 h");
    expect(formatDue(task("2026-12-01T09:00:00Z"), now)).toBe("due in 3 d");
    expect(formatDue(task("2026-11-28T08:45:00Z"), now)).toBe("overdue by < 1 h");
  });
});

describe("renderMarkdown", () => {
  it("renders the manager's guidance: paragraphs, lists, emphasis, code and http links only", () => {
    expect(renderMarkdown("Ask about **budget**\nand *timing*.\n\n- one\n- `two`")).toBe(
      "<p>Ask about <strong>budget</strong> and <em>timing</em>.</p><ul><li>one</li><li><code>two</code></li></ul>",
    );
    expect(renderMarkdown("[guide](https://contoso.example/g) [x](javascript:alert(1))")).toBe(
      '<p><a href="https://contoso.example/g" target="_blank" rel="noopener noreferrer">guide</a> [x](javascript:alert(1))</p>',
    );
    expect(renderMarkdown(null)).toBe("");
    expect(escapeHtml(`<"'&>`)).toBe("&lt;&quot;&#39;&amp;&gt;");
  });
});
