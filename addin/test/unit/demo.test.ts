import { describe, expect, it } from "vitest";
import { demoOffice, demoSender } from "../../src/taskpane/demo";
import { emailDirection, readMessage } from "../../src/taskpane/message";

describe("the local try-out (?demo)", () => {
  it("is off without ?demo, a sample sender with it, the given address with ?demo=", () => {
    expect(demoSender("")).toBeNull();
    expect(demoSender("?demo")).toBe("jane.doe@fabrikam.example");
    expect(demoSender("?demo=cto%40acme.example")).toBe("cto@acme.example");
  });

  it("puts an inbound message from the sender in a mailbox the pane can read", async () => {
    const office = demoOffice("cto@acme.example", "maria@contoso.example");
    const message = readMessage(office);
    expect([message.from?.email, message.userEmail, emailDirection(message)]).toEqual(["cto@acme.example", "maria@contoso.example", "in"]);
    expect(message.internetMessageId).toBe("<demo-cto.acme.example@salescoach.example>");
    expect((await office.onReady()).host).toBe("Outlook");
  });
});
