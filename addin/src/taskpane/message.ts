import type { OfficeEmailAddress, OfficeLike } from "./office";

/** One address on a message. */
export interface Address {
  name: string;
  email: string;
}

/** What the pane reads from the open message. */
export interface MessageInfo {
  itemId: string | null;
  /** The item's id as REST / Microsoft Graph names it: the host fetches its own copy of the message with it. */
  restId: string | null;
  internetMessageId: string | null;
  conversationId: string | null;
  subject: string;
  from: Address | null;
  to: Address[];
  cc: Address[];
  /** When the message was sent (Outlook's dateTimeCreated for a read item), ISO-8601 UTC. */
  sentAt: string | null;
  /** The signed-in mailbox's own address. */
  userEmail: string | null;
}

/** Thrown when the pane is open with no message (e.g. a meeting, or no item selected). */
export class NoMessageError extends Error {
  constructor() {
    super("Open an email message to see its lead.");
    this.name = "NoMessageError";
  }
}

export function normalizeEmail(value: string | undefined | null): string {
  return (value ?? "").trim().toLowerCase();
}

function toAddress(value: OfficeEmailAddress | undefined | null): Address | null {
  const email = normalizeEmail(value?.emailAddress);
  return email ? { name: (value?.displayName ?? "").trim() || email, email } : null;
}

function toAddresses(values: OfficeEmailAddress[] | undefined | null): Address[] {
  return (values ?? []).map(toAddress).filter((a): a is Address => a !== null);
}

function toIso(value: Date | string | undefined): string | null {
  if (value === undefined || value === null || value === "") {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The item id in REST form (`convertToRestId(itemId, v2.0)`), which the host passes to Microsoft Graph.
 * Where the API is missing (Outlook mobile) item ids already are REST ids.
 */
function restIdOf(office: OfficeLike, itemId: string | null): string | null {
  const mailbox = office.context.mailbox;
  if (!itemId) {
    return null;
  }
  if (typeof mailbox?.convertToRestId !== "function") {
    return itemId;
  }
  try {
    return mailbox.convertToRestId(itemId, office.MailboxEnums?.RestVersion?.v2_0 ?? "v2.0") || null;
  } catch {
    return null; // the email can still be logged from what the pane read
  }
}

/** Reads the open message through Office.js (read mode: every property is a value, no async call). */
export function readMessage(office: OfficeLike): MessageInfo {
  const mailbox = office.context.mailbox;
  const item = mailbox?.item;
  if (!item || (item.itemType !== undefined && item.itemType !== "message")) {
    throw new NoMessageError();
  }

  return {
    itemId: item.itemId || null,
    restId: restIdOf(office, item.itemId || null),
    internetMessageId: item.internetMessageId?.trim() || null,
    conversationId: item.conversationId || null,
    subject: item.subject ?? "",
    from: toAddress(item.from ?? item.sender),
    to: toAddresses(item.to),
    cc: toAddresses(item.cc),
    sentAt: toIso(item.dateTimeCreated),
    userEmail: normalizeEmail(mailbox?.userProfile?.emailAddress) || null,
  };
}

/** Whether the mailbox's user sent the message. */
export function isFromUser(message: MessageInfo): boolean {
  return message.from !== null && message.userEmail !== null && message.from.email === message.userEmail;
}

/** `out` when the user sent it, `in` otherwise. */
export function emailDirection(message: MessageInfo): "in" | "out" {
  return isFromUser(message) ? "out" : "in";
}

/** The people on the message other than the user: sender first, then To, then Cc; each address once. */
export function contactAddresses(message: MessageInfo): Address[] {
  const seen = new Set<string>();
  const result: Address[] = [];
  for (const address of [message.from, ...message.to, ...message.cc]) {
    if (address && address.email !== message.userEmail && !seen.has(address.email)) {
      seen.add(address.email);
      result.push(address);
    }
  }
  return result;
}

/** The id that makes logging idempotent: the Internet message id, or Outlook's item id when a client has none. */
export function externalIdOf(message: MessageInfo): string | null {
  if (message.internetMessageId) {
    return message.internetMessageId;
  }
  return message.itemId ? `outlook-item:${message.itemId}` : null;
}
