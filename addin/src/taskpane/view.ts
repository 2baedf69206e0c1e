import type { FailureKind } from "./api";
import type { DeveloperIdentity } from "./auth";
import { type LeadMatch, isLogged, isOverdue, openTasks, recentActivities } from "./leads";
import { escapeHtml, renderMarkdown } from "./markdown";
import { type MessageInfo, emailDirection } from "./message";
import type { Activity, LeadTask } from "./model";
import { type ServerCopy, formatSentAt } from "./servercopy";

// What the pane shows, as plain data, and the HTML for it. Rendering is a pure function of the view
// so unit tests check every state without a browser; the pane re-renders after each change.

export interface Notice {
  tone: "success" | "info" | "error";
  text: string;
}

export interface LeadCard {
  match: LeadMatch;
  /** Tags the current stage's email goal looks for (checkboxes). */
  suggestedTags: string[];
  notice?: Notice | undefined;
  busy?: boolean;
  /** After logging: what the host keeps for the message, read from the mail server (absent when it logged the pane's fields). */
  serverCopy?: ServerCopy | undefined;
}

export type ProblemKind = FailureKind | "noMessage" | "notInOutlook";

export type Body =
  | { kind: "loading"; text: string }
  | { kind: "problem"; problem: ProblemKind; title: string; detail: string; canSignIn: boolean; canRetry: boolean }
  | { kind: "leads"; cards: LeadCard[] }
  | { kind: "noLead"; contacts: string[]; draft: { name: string; company: string; email: string }; notice?: Notice | undefined; busy?: boolean };

export type IdentityView =
  | { mode: "development"; users: DeveloperIdentity[]; currentId: string | null }
  | { mode: "production"; label: string | null }
  | null;

export interface PaneView {
  identity: IdentityView;
  message: MessageInfo | null;
  body: Body;
}

/** Headline and explanation for each way the pane can fail. */
export function describeProblem(problem: ProblemKind, detail: string, who: string | null): { title: string; detail: string } {
  switch (problem) {
    case "offline":
      return { title: "You're offline", detail: "SalesCoach can't be reached. Check your connection; the pane tries again when you're back online." };
    case "unauthorized":
      return { title: "Not signed in", detail: `Sign in to SalesCoach to see the leads of this message. ${detail}`.trim() };
    case "forbidden":
      return { title: "Not allowed", detail: `${who ? `You're signed in as ${who}, but` : "You"} may not do this in SalesCoach: ${detail}` };
    case "noMessage":
      return { title: "Open an email", detail: "SalesCoach works on a message you are reading." };
    case "notInOutlook":
      return { title: "Open SalesCoach from Outlook", detail: detail || "This page is a task pane: open it from a message in Outlook, or add ?demo to its address to try it with a sample message." };
    default:
      return { title: "Something went wrong", detail };
  }
}

/** "due in 3 h", "due tomorrow", "overdue by 2 d". */
export function formatDue(task: LeadTask, now: Date): string {
  const ms = new Date(task.dueAt).getTime() - now.getTime();
  const hours = Math.round(Math.abs(ms) / 3_600_000);
  const span = hours < 1 ? "< 1 h" : hours < 36 ? `${hours} h` : `${Math.round(hours / 24)} d`;
  return isOverdue(task, now) ? `overdue by ${span}` : `due in ${span}`;
}

function activityLine(activity: Activity): string {
  const direction = activity.direction === "out" ? "sent" : activity.direction === "in" ? "received" : "";
  const what = [activity.type, direction].filter(Boolean).join(" ");
  const tags = activity.tags.length ? ` <span class="sc-tags">${activity.tags.map((t) => `#${escapeHtml(t)}`).join(" ")}</span>` : "";
  return `<li><time datetime="${escapeHtml(activity.at)}">${escapeHtml(activity.at.slice(0, 10))}</time> ${escapeHtml(what)}${
    activity.subject ? `: ${escapeHtml(activity.subject)}` : ""
  }${tags}</li>`;
}

/** The server's copy of a logged email: labelled fields, like the rest of the card, read in order by a screen reader. */
function serverCopyHtml(copy: ServerCopy | undefined): string {
  if (!copy) {
    return "";
  }
  const field = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  return `<section class="sc-copy" data-testid="server-copy"><h3>Logged from your mailbox</h3><dl>${[
    field("Subject", escapeHtml(copy.subject || "(no subject)")),
    copy.from ? field("From", escapeHtml(copy.from)) : "",
    copy.sentAt ? field("Sent", `<time datetime="${escapeHtml(copy.sentAt)}">${escapeHtml(formatSentAt(copy.sentAt))}</time>`) : "",
  ].join("")}</dl>${copy.preview ? `<p class="sc-preview" data-testid="server-copy-preview">${escapeHtml(copy.preview)}</p>` : ""}</section>`;
}

function noticeHtml(notice: Notice | undefined): string {
  return notice ? `<p class="sc-notice sc-notice-${notice.tone}" role="status" data-testid="notice">${escapeHtml(notice.text)}</p>` : "";
}

function identityHtml(identity: IdentityView): string {
  if (!identity) {
    return "";
  }
  if (identity.mode === "production") {
    return identity.label ? `<span class="sc-user" data-testid="user">${escapeHtml(identity.label)}</span>` : "";
  }
  const options = identity.users
    .map((u) => `<option value="${escapeHtml(u.id)}"${u.id === identity.currentId ? " selected" : ""}>${escapeHtml(u.name)} (${escapeHtml(u.id)})</option>`)
    .join("");
  return `<label class="sc-user">Acting as <select data-action="identity" data-testid="identity">${
    identity.currentId ? "" : '<option value="" selected>choose…</option>'
  }${options}</select></label>`;
}

function messageHtml(message: MessageInfo | null): string {
  if (!message) {
    return "";
  }
  const direction = emailDirection(message) === "out" ? "Sent by you" : `From ${message.from?.name ?? "unknown sender"}`;
  return `<section class="sc-message" data-testid="message"><div class="sc-subject">${escapeHtml(message.subject || "(no subject)")}</div><div class="sc-meta">${escapeHtml(direction)}</div></section>`;
}

function leadCardHtml(card: LeadCard, message: MessageInfo | null, now: Date): string {
  const { lead, matchedBy } = card.match;
  const tasks = openTasks(lead);
  const activities = recentActivities(lead);
  const logged = message ? isLogged(lead, message) : false;
  const closed = lead.status !== "open";
  const stage = closed ? `Closed: ${lead.status}` : (lead.stage?.name ?? "");
  const tagBoxes = card.suggestedTags
    .map((t) => `<label class="sc-chip"><input type="checkbox" name="tag" value="${escapeHtml(t)}"> ${escapeHtml(t)}</label>`)
    .join("");
  const disabled = card.busy ? " disabled" : "";
  return `<article class="sc-lead" data-lead-id="${escapeHtml(lead.id)}" data-testid="lead">
<header><h2>${escapeHtml(lead.name)}${lead.company && lead.company !== lead.name ? ` <small>${escapeHtml(lead.company)}</small>` : ""}</h2>
<p class="sc-stage-line"><span class="sc-stage" data-testid="stage">${escapeHtml(stage)}</span> <span class="sc-owner">owner ${escapeHtml(lead.ownerId)}</span></p>
<p class="sc-matched">${escapeHtml(matchedBy.join(", "))}</p></header>
${noticeHtml(card.notice)}
${closed ? "" : `<section class="sc-guidance" data-testid="guidance">${renderMarkdown(lead.stage?.guidance)}</section>`}
<section class="sc-log"><div class="sc-tags-pick">${tagBoxes}<input type="text" name="extraTags" placeholder="tags, comma separated" aria-label="More tags"></div>
<button type="button" class="sc-primary" data-action="log" data-testid="log"${disabled}>Log this email</button>
${logged ? '<p class="sc-hint" data-testid="logged-hint">This email is logged to this lead.</p>' : ""}${serverCopyHtml(card.serverCopy)}</section>
<section class="sc-tasks"><h3>Open tasks</h3>${
    tasks.length
      ? `<ul>${tasks
          .map(
            (t) => `<li data-task-id="${escapeHtml(t.id)}" class="${isOverdue(t, now) ? "sc-overdue" : ""}"><span class="sc-task-title">${escapeHtml(t.title)}</span>
<time datetime="${escapeHtml(t.dueAt)}" title="${escapeHtml(t.dueAt)}">${escapeHtml(formatDue(t, now))}</time>
<button type="button" data-action="complete" data-task-id="${escapeHtml(t.id)}" data-testid="complete"${disabled}>Done</button></li>`,
          )
          .join("")}</ul>`
      : '<p class="sc-hint">No open tasks.</p>'
  }</section>
<section class="sc-activities"><h3>Last activities</h3>${
    activities.length ? `<ul>${activities.map(activityLine).join("")}</ul>` : '<p class="sc-hint">Nothing logged yet.</p>'
  }</section>
</article>`;
}

function bodyHtml(view: PaneView, now: Date): string {
  const body = view.body;
  switch (body.kind) {
    case "loading":
      return `<p class="sc-loading" role="status" data-testid="loading">${escapeHtml(body.text)}</p>`;
    case "problem":
      return `<section class="sc-problem" role="alert" data-testid="problem" data-problem="${body.problem}"><h2>${escapeHtml(body.title)}</h2><p>${escapeHtml(body.detail)}</p>${
        body.canSignIn ? '<button type="button" class="sc-primary" data-action="sign-in" data-testid="sign-in">Sign in</button>' : ""
      }${body.canRetry ? '<button type="button" data-action="retry" data-testid="retry">Try again</button>' : ""}</section>`;
    case "leads":
      return body.cards.map((c) => leadCardHtml(c, view.message, now)).join("");
    case "noLead": {
      const disabled = body.busy ? " disabled" : "";
      return `<section class="sc-empty" data-testid="no-lead"><h2>No lead for this message</h2>
<p>${escapeHtml(body.contacts.length ? `${body.contacts.join(", ")} ${body.contacts.length === 1 ? "is" : "are"} not a contact of any lead you can see.` : "This message has no one but you on it.")}</p>
${noticeHtml(body.notice)}
${
  body.draft.email
    ? `<form data-action="create" data-testid="create-form"><h3>Create a lead from the sender</h3>
<label>Lead name <input name="name" required value="${escapeHtml(body.draft.name)}"></label>
<label>Company <input name="company" value="${escapeHtml(body.draft.company)}"></label>
<label>Contact <input name="email" readonly value="${escapeHtml(body.draft.email)}"></label>
<button type="submit" class="sc-primary" data-testid="create"${disabled}>Create lead</button>
<p class="sc-hint">SalesCoach picks the pipeline and the owner by its routing rules.</p></form>`
    : ""
}</section>`;
    }
  }
}

/** The whole pane as HTML. */
export function renderPaneHtml(view: PaneView, now: Date = new Date()): string {
  return `<header class="sc-header"><span class="sc-brand">SalesCoach</span>${identityHtml(view.identity)}</header>${messageHtml(view.message)}<main class="sc-body">${bodyHtml(
    view,
    now,
  )}</main>`;
}

export interface PaneHandlers {
  log(leadId: string, tags: string[]): void;
  complete(leadId: string, taskId: string): void;
  create(draft: { name: string; company: string; email: string }): void;
  identity(id: string): void;
  signIn(): void;
  retry(): void;
}

/** Tags chosen on a lead card: the ticked suggestions plus the free text. */
export function chosenTags(card: Element): string[] {
  const ticked = [...card.querySelectorAll<HTMLInputElement>('input[name="tag"]:checked')].map((i) => i.value);
  const extra = card.querySelector<HTMLInputElement>('input[name="extraTags"]')?.value ?? "";
  return [...ticked, ...extra.split(",")];
}

/** One set of listeners on the pane's root; they survive re-renders. */
export function bindPane(root: HTMLElement, handlers: PaneHandlers): void {
  root.addEventListener("click", (event) => {
    const target = (event.target as Element).closest<HTMLElement>("[data-action]");
    const card = target?.closest<HTMLElement>("[data-lead-id]");
    switch (target?.dataset.action) {
      case "log":
        if (card) handlers.log(card.dataset.leadId!, chosenTags(card));
        break;
      case "complete":
        if (card) handlers.complete(card.dataset.leadId!, target.dataset.taskId!);
        break;
      case "sign-in":
        handlers.signIn();
        break;
      case "retry":
        handlers.retry();
        break;
    }
  });
  root.addEventListener("change", (event) => {
    const target = event.target as HTMLElement;
    if (target.dataset.action === "identity" && target instanceof HTMLSelectElement && target.value) {
      handlers.identity(target.value);
    }
  });
  root.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement;
    if (form.dataset.action === "create") {
      event.preventDefault();
      const data = new FormData(form);
      handlers.create({ name: String(data.get("name") ?? ""), company: String(data.get("company") ?? ""), email: String(data.get("email") ?? "") });
    }
  });
}
