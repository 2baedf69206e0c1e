import { describe, expect, it } from "vitest";
import type { MessageInfo } from "../../src/taskpane/message";
import { formatSentAt, loggedActivity, serverCopy, shortPreview } from "../../src/taskpane/servercopy";
import { lead } from "./fakes";

const message: MessageInfo = {
  itemId: "i", restId: "AAMk1", internetMessageId: "<m@x>", conversationId: "c", subject: "Licences", sentAt: null, userEmail: "ana@contoso.example",
  from: { name: "Dana Buyer", email: "dana@northwind.example" }, to: [], cc: [],
};
const email = { id: "a9", type: "email", at: "2026-11-28T08:30:00Z", tags: [], stageId: "contacted", loggedBy: "ana", subject: "Licences (server)" };

describe("serverCopy", () => {
  it("reads the logged activity's message: by Internet message id, or by the mailbox id when Graph's id differs", () => {
    const copy = { messageId: "AAMk1", internetMessageId: "<other@x>", from: "dana@northwind.example", to: [], sentAt: "2026-11-28T08:29:00Z", bodyPreview: "Hello" };
    const withCopy = lead({ activities: [{ ...email, externalId: "<other@x>", message: copy }] });

    expect(loggedActivity(withCopy, message)?.id).toBe("a9");
    expect(serverCopy(withCopy, message)).toEqual({ subject: "Licences (server)", from: "dana@northwind.example", sentAt: "2026-11-28T08:29:00Z", preview: "Hello" });
  });

  it("is null when the host logged the pane's own fields", () => {
    expect(serverCopy(lead({ activities: [{ ...email, externalId: "<m@x>" }] }), message)).toBeNull();
    expect(serverCopy(lead({ activities: [] }), message)).toBeNull();
  });
});

describe("shortPreview", () => {
  it("collapses white space and cuts long text at a word with an ellipsis", () => {
    expect(shortPreview("  Hi\n\nAna  ")).toBe("Hi Ana");
    expect(shortPreview("")).toBeNull();
    expect(shortPreview("alpha beta gamma delta", 12)).toBe("alpha beta…");
    expect(shortPreview("x".repeat(20), 12)).toBe(`${"x".repeat(12)}…`);
  });
});

describe("formatSentAt", () => {
  it("shows UTC minutes, and what the server said when it is no date", () => {
    expect(formatSentAt("2026-11-28T10:29:41+02:00")).toBe("2026-11-28 08:29 UTC");
    expect(formatSentAt("yesterday")).toBe("yesterday");
  });
});
