import { type MessageInfo, externalIdOf } from "./message";
import type { Activity, Lead } from "./model";

/**
 * What the host logged for the open message when it read the mail server's copy (Microsoft Graph):
 * shown after logging so the rep sees what SalesCoach keeps, not what the pane sent.
 */
export interface ServerCopy {
  subject: string | null;
  from: string | null;
  /** ISO-8601, as the server has it. */
  sentAt: string | null;
  /** A short preview of the body (see `shortPreview`). */
  preview: string | null;
}

/** How much of Graph's body preview (up to 255 characters) the pane shows. */
export const PREVIEW_LENGTH = 140;

/** The lead's activity for this message: the same Internet message id, or the same mailbox id. */
export function loggedActivity(lead: Lead, message: MessageInfo): Activity | undefined {
  const externalId = externalIdOf(message);
  return lead.activities.find(
    (a) => (externalId !== null && a.externalId === externalId) || (message.restId !== null && a.message?.messageId === message.restId),
  );
}

/** The server's copy of what was logged for the message; null when the host logged the pane's own fields (no Graph). */
export function serverCopy(lead: Lead, message: MessageInfo): ServerCopy | null {
  const activity = loggedActivity(lead, message);
  const copy = activity?.message;
  if (!activity || !copy) {
    return null;
  }
  return { subject: activity.subject ?? null, from: copy.from ?? null, sentAt: copy.sentAt ?? activity.at, preview: shortPreview(copy.bodyPreview) };
}

/** White space collapsed, cut at a word boundary with "…" when longer than `max`. */
export function shortPreview(text: string | null | undefined, max = PREVIEW_LENGTH): string | null {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  if (!flat) {
    return null;
  }
  if (flat.length <= max) {
    return flat;
  }
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "2026-11-28 08:30 UTC": the same for every reader of the card, whatever their time zone. */
export function formatSentAt(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
