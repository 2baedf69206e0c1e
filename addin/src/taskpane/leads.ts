import type { SalesCoachApi } from "./api";
import { type Address, type MessageInfo, contactAddresses, emailDirection, externalIdOf } from "./message";
import type { Activity, ActivityInput, Goal, Lead, LeadTask, NewLead, Pipeline } from "./model";
import { type ServerCopy, serverCopy } from "./servercopy";

/** A lead on the open message, with the addresses that matched it. */
export interface LeadMatch {
  lead: Lead;
  matchedBy: string[];
}

/** The leads of the sender and recipients, in one request; each lead once, sender's leads first. */
export async function findLeads(api: SalesCoachApi, message: MessageInfo): Promise<LeadMatch[]> {
  const addresses = contactAddresses(message).map((a) => a.email);
  const leads = await api.leadsByEmail(addresses);
  const matches = leads.map((lead) => {
    const emails = new Set(lead.emails.map((e) => e.toLowerCase()));
    return { lead, matchedBy: addresses.filter((a) => emails.has(a)) };
  });
  const rank = (m: LeadMatch) => Math.min(...m.matchedBy.map((a) => addresses.indexOf(a)), addresses.length);
  return matches.sort((a, b) => rank(a) - rank(b) || a.lead.name.localeCompare(b.lead.name));
}

/**
 * The activity that logs this message: direction from whether the user sent it, idempotent by its Internet message id.
 * `messageId` names the message in the user's mailbox, so a host with Microsoft Graph logs the server's copy instead.
 */
export function emailActivity(message: MessageInfo, tags: string[]): ActivityInput {
  const externalId = externalIdOf(message);
  return {
    type: "email",
    direction: emailDirection(message),
    ...(message.subject ? { subject: message.subject } : {}),
    ...(message.sentAt ? { at: message.sentAt } : {}),
    ...(externalId ? { externalId } : {}),
    ...(message.restId ? { messageId: message.restId } : {}),
    tags: normalizeTags(tags),
  };
}

export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

/** Whether the lead already has this message. */
export function isLogged(lead: Lead, message: MessageInfo): boolean {
  const externalId = externalIdOf(message);
  return externalId !== null && lead.activities.some((a) => a.externalId === externalId);
}

export interface StageChange {
  from: string;
  to: string;
}

/** The stage move between two views of a lead, if any (a goal met, or the lead closed). */
export function stageChange(before: Lead, after: Lead): StageChange | null {
  const from = before.stage?.name ?? before.status;
  const to = after.status !== "open" ? after.status : (after.stage?.name ?? "");
  return before.stage?.id !== after.stage?.id || before.status !== after.status ? { from, to } : null;
}

export interface CommandResult {
  lead: Lead;
  /** Set when the command met the stage's goal. */
  change: StageChange | null;
}

export interface LogResult extends CommandResult {
  status: "logged" | "already";
  /** What the host keeps for the message when it read the server's copy; null when it logged the pane's fields. */
  copy: ServerCopy | null;
}

/**
 * Logs the message to the lead. The API answers 200 with the lead unchanged for a message it already
 * has (same Internet message id), so "already" is told by the activities: the message was there before,
 * or the count did not grow.
 */
export async function logEmail(api: SalesCoachApi, lead: Lead, message: MessageInfo, tags: string[]): Promise<LogResult> {
  const activity = emailActivity(message, tags);
  const wasLogged = isLogged(lead, message);
  const after = await api.logActivity(lead.id, activity);
  const already = wasLogged || after.activities.length === lead.activities.length;
  return { lead: after, change: already ? null : stageChange(lead, after), status: already ? "already" : "logged", copy: serverCopy(after, message) };
}

/** Completes a task; a fresh operation id per click, so a retried request does not complete it twice. */
export async function completeTask(api: SalesCoachApi, lead: Lead, taskId: string, newId: () => string = randomId): Promise<CommandResult> {
  const after = await api.completeTask(lead.id, taskId, newId());
  return { lead: after, change: stageChange(lead, after) };
}

/** The lead's open tasks, soonest due first. */
export function openTasks(lead: Lead): LeadTask[] {
  return lead.tasks.filter((t) => t.status === "open").sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The last activities, newest first. */
export function recentActivities(lead: Lead, count = 5): Activity[] {
  return [...lead.activities].sort((a, b) => b.at.localeCompare(a.at)).slice(0, count);
}

/** Whether a task is past due at `now`. */
export function isOverdue(task: LeadTask, now: Date): boolean {
  return new Date(task.dueAt).getTime() < now.getTime();
}

/** Tags that an email goal of the lead's current stage looks for (e.g. `proposal`), offered as one-click choices. */
export function suggestedEmailTags(pipeline: Pipeline | null, stageId: string | undefined): string[] {
  const goal = pipeline?.stages.find((s) => s.id === stageId)?.goal;
  const tags: string[] = [];
  const visit = (g: Goal | null | undefined): void => {
    if (!g) {
      return;
    }
    if (g.activity?.type === "email" && g.activity.tag) {
      tags.push(g.activity.tag.toLowerCase());
    }
    (g.all ?? []).forEach(visit);
    (g.any ?? []).forEach(visit);
  };
  visit(goal);
  return [...new Set(tags)];
}

/** Mail providers whose domain says nothing about the company. */
const personalDomains = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com",
  "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com",
]);

function titleCase(words: string): string {
  return words
    .split(/[\s._-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}

/**
 * A new lead from the sender, as CRMs name leads: the person's name (the display name, or the
 * address's local part) and the company from the domain (none for personal mail providers).
 */
export function draftLead(sender: Address): NewLead {
  const [local = "", domain = ""] = sender.email.split("@");
  const name = sender.name && sender.name !== sender.email ? sender.name : titleCase(local);
  const labels = domain.toLowerCase().split(".");
  const company = personalDomains.has(domain.toLowerCase()) || labels.length < 2 ? "" : titleCase(labels[labels.length - 2]!);
  return { name, ...(company ? { company } : {}), emails: [sender.email] };
}

/** Creates the lead (no pipeline named: the host's routing chooses, and assignment the owner). */
export function createLead(api: SalesCoachApi, draft: NewLead): Promise<Lead> {
  const name = draft.name.trim();
  const company = draft.company?.trim();
  return api.createLead({
    name,
    ...(company ? { company } : {}),
    emails: draft.emails,
  });
}

export function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
