import { afterEach, describe, expect, it } from "vitest";
import { NoMessageError, contactAddresses, emailDirection, externalIdOf, isFromUser, readMessage } from "../../src/taskpane/message";
import type { OfficeLike } from "../../src/taskpane/office";
import { mockOutlook, restIdCalls } from "./fakes";

const office = () => (globalThis as unknown as { Office: OfficeLike }).Office;

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("readMessage", () => {
  it("reads sender, recipients, subject, ids and sent time from the read-mode item", () => {
    mockOutlook({ cc: [{ displayName: "", emailAddress: "cfo@northwind.example" }] });

    expect(readMessage(office())).toEqual({
      itemId: "AAMkAGI2TG93AAA=",
      restId: "AAMkAGI2TG93AAA=",
      internetMessageId: "<CAF1@northwind.example>",
      conversationId: "AAQkAGI2conv",
      subject: "Licences for next year",
      from: { name: "Dana Buyer", email: "dana@northwind.example" },
      to: [{ name: "Ana Rep", email: "ana@contoso.example" }],
      cc: [{ name: "cfo@northwind.example", email: "cfo@northwind.example" }],
      sentAt: "2026-11-28T08:30:00.000Z",
      userEmail: "ana@contoso.example",
    });
  });

  it("names the item by its REST id for the host's Microsoft Graph fetch (convertToRestId, v2.0)", () => {
    restIdCalls.length = 0;
    mockOutlook({ itemId: "AAMkAD/ews+id=" });
    expect(readMessage(office()).restId).toBe("AAMkAD-ews_id=");
    expect(restIdCalls).toEqual(["v2.0"]);

    mockOutlook({ itemId: "AAMkADrestid", noRestIds: true }); // Outlook mobile: item ids already are REST ids
    expect(readMessage(office()).restId).toBe("AAMkADrestid");
  });

  it("refuses an item that is not a message, or no item at all", () => {
    mockOutlook({ itemType: "appointment" });
    expect(() => readMessage(office())).toThrow(NoMessageError);
    mockOutlook({ noItem: true });
    expect(() => readMessage(office())).toThrow(NoMessageError);
  });

  it("knows an email the user sent (out) from one the user received (in)", () => {
    mockOutlook();
    const received = readMessage(office());
    mockOutlook({ from: { displayName: "Ana", emailAddress: "ANA@contoso.example" }, to: [{ displayName: "Dana", emailAddress: "dana@northwind.example" }] });
    const sent = readMessage(office());

    expect([isFromUser(received), emailDirection(received)]).toEqual([false, "in"]);
    expect([isFromUser(sent), emailDirection(sent)]).toEqual([true, "out"]);
  });
});

describe("contactAddresses", () => {
  it("lists everyone but the user, sender first, each address once whatever its case", () => {
    mockOutlook({
      to: [{ displayName: "Ana", emailAddress: "ana@contoso.example" }, { displayName: "Dana again", emailAddress: "DANA@northwind.example" }, { displayName: "Eve", emailAddress: "eve@northwind.example" }],
      cc: [{ displayName: "Finn", emailAddress: "finn@fabrikam.example" }],
    });

    expect(contactAddresses(readMessage(office())).map((a) => a.email)).toEqual(["dana@northwind.example", "eve@northwind.example", "finn@fabrikam.example"]);
  });
});

describe("externalIdOf", () => {
  it("is the Internet message id, or the Outlook item id when a client gives none", () => {
    mockOutlook();
    expect(externalIdOf(readMessage(office()))).toBe("<CAF1@northwind.example>");
    mockOutlook({ internetMessageId: "", itemId: "AAMk42" });
    expect(externalIdOf(readMessage(office()))).toBe("outlook-item:AAMk42");
  });
});
