// The API's shapes the pane reads (shared/API.md "Leads"; camelCase JSON).

export interface Stage {
  id: string;
  name: string;
  guidance?: string | null;
  enteredAt: string;
}

export interface LeadTask {
  id: string;
  stageId: string;
  title: string;
  description?: string | null;
  status: "open" | "done" | "skipped";
  dueAt: string;
  assigneeId: string;
}

export interface Activity {
  id: string;
  type: string;
  direction?: "in" | "out" | null;
  subject?: string | null;
  at: string;
  externalId?: string | null;
  tags: string[];
  stageId: string;
  loggedBy: string;
  /** The mail server's copy, when the host read the message through Microsoft Graph. */
  message?: MessageCopy | null;
}

export interface MessageCopy {
  messageId: string;
  internetMessageId?: string | null;
  from?: string | null;
  to: string[];
  sentAt?: string | null;
  bodyPreview?: string | null;
}

export interface Lead {
  id: string;
  name: string;
  company?: string | null;
  emails: string[];
  value?: number | null;
  currency?: string | null;
  ownerId: string;
  pipelineId: string;
  pipelineVersion: number;
  status: "open" | "won" | "lost";
  stage?: Stage | null;
  tasks: LeadTask[];
  activities: Activity[];
}

export interface ActivityInput {
  type: "email";
  direction: "in" | "out";
  subject?: string;
  at?: string;
  externalId?: string;
  /** The message's REST id in the user's mailbox (see `MessageInfo.restId`). */
  messageId?: string;
  tags: string[];
}

export interface NewLead {
  name: string;
  company?: string;
  emails: string[];
}

/** A goal as a pipeline states it; only the parts the pane reads. */
export interface Goal {
  activity?: { type: string; direction?: string; tag?: string };
  all?: Goal[];
  any?: Goal[];
  [kind: string]: unknown;
}

export interface Pipeline {
  id: string;
  name: string;
  stages: { id: string; name: string; goal?: Goal | null }[];
}

export interface Problem {
  path: string;
  message: string;
}
