import type { OfficeLike } from "./office";

// The local try-out: /addin/taskpane.html?demo[=address] in an ordinary browser puts a sample
// message where Outlook would, so the pane can be tried against a local host without Outlook.
// `?demo` shows a message from a contact of no lead; `?demo=cto@acme.example` one from that address.

export function demoSender(search: string): string | null {
  const params = new URLSearchParams(search);
  if (!params.has("demo")) {
    return null;
  }
  return params.get("demo") || "jane.doe@fabrikam.example";
}

/** A read-mode mailbox with one message from `sender` to `user`. */
export function demoOffice(sender: string, user = new URLSearchParams(globalThis.location?.search ?? "").get("user") || "ana@contoso.example"): OfficeLike & {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
} {
  const info = { host: "Outlook", platform: "OfficeOnline" };
  return {
    context: {
      mailbox: {
        item: {
          itemType: "message",
          itemId: `demo-item-${sender}`,
          internetMessageId: `<demo-${sender.replace(/@/g, ".")}@salescoach.example>`,
          conversationId: "demo-conversation",
          subject: "Re: pricing for next year",
          from: { displayName: sender, emailAddress: sender },
          to: [{ displayName: user, emailAddress: user }],
          cc: [],
          dateTimeCreated: new Date(),
        },
        userProfile: { emailAddress: user, displayName: user },
      },
      requirements: { isSetSupported: () => true },
    },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
}
