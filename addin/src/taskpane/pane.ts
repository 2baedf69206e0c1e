import { ApiError, SalesCoachApi } from "./api";
import { DevelopmentSession, type KeyValueStore, NestedAppSession, type PaneConfig, type Session, type TokenClientFactory, loadConfig } from "./auth";
import { type LeadMatch, completeTask, createLead, draftLead, findLeads, logEmail, stageChange, suggestedEmailTags } from "./leads";
import { type MessageInfo, NoMessageError, contactAddresses, isFromUser, readMessage } from "./message";
import type { Lead, Pipeline } from "./model";
import type { OfficeLike } from "./office";
import type { ServerCopy } from "./servercopy";
import { type Body, type IdentityView, type LeadCard, type Notice, type PaneView, type ProblemKind, bindPane, describeProblem, renderPaneHtml } from "./view";

export interface PaneDependencies {
  office: OfficeLike;
  root: HTMLElement;
  fetch: typeof fetch;
  store: KeyValueStore | null;
  online: () => boolean;
  /** Where `online` events arrive (the window); the pane retries when the connection is back. */
  events?: Pick<Window, "addEventListener"> | null;
  now?: () => Date;
  tokenClientFactory?: TokenClientFactory;
  configUrl?: string;
}

/**
 * The task pane: reads the open message, finds its leads and runs the commands the user clicks.
 * Every Office.js read goes through `readMessage`; every HTTP call through `SalesCoachApi`; every
 * pixel through `renderPaneHtml`. `Office.onReady` only constructs this and calls `start()`.
 */
export class TaskPane {
  private config: PaneConfig | null = null;
  private session: Session | null = null;
  private api: SalesCoachApi | null = null;
  private readonly pipelines = new Map<string, Promise<Pipeline | null>>();
  private current: PaneView = { identity: null, message: null, body: { kind: "loading", text: "Starting…" } };

  constructor(private readonly deps: PaneDependencies) {}

  /** What the pane shows now. */
  get view(): PaneView {
    return this.current;
  }

  async start(): Promise<void> {
    bindPane(this.deps.root, {
      log: (leadId, tags) => void this.logEmail(leadId, tags),
      complete: (leadId, taskId) => void this.completeTask(leadId, taskId),
      create: (draft) => void this.createLead(draft),
      identity: (id) => void this.chooseIdentity(id),
      signIn: () => void this.signIn(),
      retry: () => void this.load(),
    });
    this.deps.events?.addEventListener("online", () => {
      if (this.current.body.kind === "problem" && this.current.body.problem === "offline") {
        void this.load();
      }
    });
    const mailbox = this.deps.office.context.mailbox;
    const itemChanged = this.deps.office.EventType?.ItemChanged;
    if (mailbox?.addHandlerAsync && itemChanged !== undefined) {
      mailbox.addHandlerAsync(itemChanged, () => void this.load()); // a pinned pane follows the selection
    }
    await this.load();
  }

  /** Reads the message and looks up its leads (again). */
  load(): Promise<void> {
    return this.loadOnce();
  }

  private async loadOnce(): Promise<void> {
    let message: MessageInfo;
    try {
      message = readMessage(this.deps.office);
    } catch (error) {
      this.show({ identity: this.identityView(), message: null, body: this.problem(error instanceof NoMessageError ? "noMessage" : "server", String(error)) });
      return;
    }
    this.show({ identity: this.identityView(), message, body: { kind: "loading", text: "Looking up leads…" } });

    try {
      const api = await this.connect(message);
      const matches = await findLeads(api, message);
      if (matches.length === 0) {
        this.show({ ...this.current, identity: this.identityView(), body: this.noLeadBody(message) });
        return;
      }
      const cards = await Promise.all(matches.map(async (match) => this.card(match)));
      this.show({ ...this.current, identity: this.identityView(), body: { kind: "leads", cards } });
    } catch (error) {
      this.show({ ...this.current, identity: this.identityView(), body: this.failure(error) });
    }
  }

  /** Logs the open message to a lead; says "already logged" when it was. */
  async logEmail(leadId: string, tags: string[]): Promise<void> {
    await this.commandOnCard(leadId, async (api, lead) => {
      const result = await logEmail(api, lead, this.current.message!, tags);
      const notice: Notice =
        result.status === "already"
          ? { tone: "info", text: `Already logged: this email is on ${lead.name} once, nothing changed.` }
          : result.change
            ? { tone: "success", text: `Email logged. Goal met: ${result.change.from} → ${result.change.to}.` }
            : { tone: "success", text: `Email logged to ${lead.name}.` };
      return { lead: result.lead, notice, serverCopy: result.copy ?? undefined };
    });
  }

  /** Completes a task on a lead; shows the new stage when that met the goal. */
  async completeTask(leadId: string, taskId: string): Promise<void> {
    await this.commandOnCard(leadId, async (api, lead) => {
      const result = await completeTask(api, lead, taskId);
      const title = lead.tasks.find((t) => t.id === taskId)?.title ?? taskId;
      const notice: Notice = result.change
        ? { tone: "success", text: `Done: ${title}. Goal met: ${result.change.from} → ${result.change.to}.` }
        : { tone: "success", text: `Done: ${title}.` };
      return { lead: result.lead, notice };
    });
  }

  /** Creates a lead from the form (prefilled from the sender) and shows it. */
  async createLead(draft: { name: string; company: string; email: string }): Promise<void> {
    const body = this.current.body;
    if (body.kind !== "noLead" || body.busy) {
      return;
    }
    if (!draft.name.trim()) {
      this.show({ ...this.current, body: { ...body, draft, notice: { tone: "error", text: "The lead needs a name." } } });
      return;
    }
    this.show({ ...this.current, body: { ...body, draft, busy: true, notice: undefined } });
    try {
      const lead = await createLead(this.api!, { name: draft.name, company: draft.company, emails: [draft.email] });
      const card = await this.card({ lead, matchedBy: [draft.email] });
      card.notice = { tone: "success", text: `Lead created in ${lead.stage?.name ?? "its first stage"}, owned by ${lead.ownerId}.` };
      this.show({ ...this.current, body: { kind: "leads", cards: [card] } });
    } catch (error) {
      const failure = this.failure(error);
      const text = failure.kind === "problem" ? `${failure.title}: ${failure.detail}` : String(error);
      this.show({ ...this.current, body: { ...body, draft, busy: false, notice: { tone: "error", text } } });
    }
  }

  /** Development mode: act as another identity of the sample team. */
  async chooseIdentity(id: string): Promise<void> {
    if (this.session instanceof DevelopmentSession) {
      this.session.choose(id);
      await this.load();
    }
  }

  /** Production mode: interactive sign-in (from the "Sign in" click). */
  async signIn(): Promise<void> {
    if (this.session instanceof NestedAppSession) {
      try {
        await this.session.signIn();
      } catch (error) {
        this.show({ ...this.current, body: this.failure(error) });
        return;
      }
      await this.load();
    }
  }

  private async connect(message: MessageInfo): Promise<SalesCoachApi> {
    this.config ??= await loadConfig(this.deps.fetch, this.deps.configUrl);
    if (!this.session) {
      this.session =
        this.config.auth.mode === "development"
          ? new DevelopmentSession(this.config.auth, this.deps.store, message.userEmail)
          : new NestedAppSession(this.config.auth, message.userEmail, this.deps.tokenClientFactory);
      const session = this.session;
      this.api = new SalesCoachApi({ baseUrl: this.config.apiBase, headers: () => session.headers(), fetch: this.deps.fetch, online: this.deps.online });
    }
    return this.api!;
  }

  private async card(match: LeadMatch): Promise<LeadCard> {
    const pipeline = await this.pipeline(match.lead.pipelineId);
    return { match, suggestedTags: suggestedEmailTags(pipeline, match.lead.stage?.id) };
  }

  private pipeline(id: string): Promise<Pipeline | null> {
    let found = this.pipelines.get(id);
    if (!found) {
      found = this.api!.pipeline(id).catch(() => null);
      this.pipelines.set(id, found);
    }
    return found;
  }

  private async commandOnCard(
    leadId: string,
    run: (api: SalesCoachApi, lead: Lead) => Promise<{ lead: Lead; notice: Notice; serverCopy?: ServerCopy | undefined }>,
  ): Promise<void> {
    const index = this.cardIndex(leadId);
    if (index < 0) {
      return;
    }
    const card = this.cards()[index]!;
    if (card.busy) {
      return;
    }
    this.updateCard(index, { ...card, busy: true, notice: undefined });
    try {
      const { lead, notice, serverCopy } = await run(this.api!, card.match.lead);
      const moved = stageChange(card.match.lead, lead) !== null;
      const suggestedTags = moved ? (await this.card({ ...card.match, lead })).suggestedTags : card.suggestedTags;
      // The server's copy stays on the card after later commands (a task done) until the pane reloads.
      this.updateCard(this.cardIndex(leadId), { match: { ...card.match, lead }, suggestedTags, notice, busy: false, serverCopy: serverCopy ?? card.serverCopy });
    } catch (error) {
      const failure = this.failure(error);
      if (failure.kind === "problem" && (failure.problem === "unauthorized" || failure.problem === "offline")) {
        this.show({ ...this.current, body: failure });
        return;
      }
      const text = failure.kind === "problem" ? `${failure.title}: ${failure.detail}` : String(error);
      this.updateCard(this.cardIndex(leadId), { ...card, busy: false, notice: { tone: "error", text } });
    }
  }

  private cards(): LeadCard[] {
    return this.current.body.kind === "leads" ? this.current.body.cards : [];
  }

  private cardIndex(leadId: string): number {
    return this.cards().findIndex((c) => c.match.lead.id === leadId);
  }

  private updateCard(index: number, card: LeadCard): void {
    if (index < 0) {
      return;
    }
    const cards = [...this.cards()];
    cards[index] = card;
    this.show({ ...this.current, body: { kind: "leads", cards } });
  }

  private noLeadBody(message: MessageInfo): Body {
    const contacts = contactAddresses(message);
    const person = isFromUser(message) ? contacts[0] : (message.from ?? contacts[0]);
    const draft = person ? draftLead(person) : null;
    return {
      kind: "noLead",
      contacts: contacts.map((c) => c.email),
      draft: { name: draft?.name ?? "", company: draft?.company ?? "", email: person?.email ?? "" },
    };
  }

  private identityView(): IdentityView {
    if (this.session instanceof DevelopmentSession) {
      return { mode: "development", users: this.session.users, currentId: this.session.userId };
    }
    return this.session ? { mode: "production", label: this.session.userLabel } : null;
  }

  private failure(error: unknown): Body {
    if (error instanceof ApiError) {
      return this.problem(error.kind, error.message);
    }
    return this.problem("server", error instanceof Error ? error.message : String(error));
  }

  private problem(kind: ProblemKind, detail: string): Body {
    const dev = this.session?.mode === "development";
    const text =
      kind === "unauthorized" && dev
        ? "Choose who you are in “Acting as” above (the embedded default's developer identities; only from this machine)."
        : detail;
    const { title, detail: explanation } = describeProblem(kind, text, this.session?.userLabel ?? null);
    return {
      kind: "problem",
      problem: kind,
      title,
      detail: explanation,
      canSignIn: kind === "unauthorized" && this.session?.mode === "production",
      canRetry: kind !== "noMessage" && !(kind === "unauthorized" && dev),
    };
  }

  private show(view: PaneView): void {
    this.current = view;
    this.deps.root.innerHTML = renderPaneHtml(view, this.deps.now?.() ?? new Date());
  }
}

/** Builds the pane for the page (called from Office.onReady). */
export function startTaskPane(deps: PaneDependencies): TaskPane {
  const pane = new TaskPane(deps);
  void pane.start();
  return pane;
}
