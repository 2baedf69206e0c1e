import type { ActivityInput, Lead, NewLead, Pipeline, Problem } from "./model";

/** Why a call failed, in the words the pane shows. */
export type FailureKind = "offline" | "unauthorized" | "forbidden" | "notFound" | "invalid" | "conflict" | "server";

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status = 0,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiOptions {
  /** Where the API is, e.g. `/api` or `https://salescoach.contoso.com/api`. */
  baseUrl: string;
  /** The caller's credentials for each request: the developer header or a bearer token. */
  headers: () => Promise<Record<string, string>>;
  fetch?: typeof fetch;
  /** `navigator.onLine`: false means offline without trying. */
  online?: () => boolean;
}

function kindOf(status: number): FailureKind {
  switch (status) {
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "notFound";
    case 400:
    case 413:
      return "invalid";
    case 409:
      return "conflict";
    default:
      return "server";
  }
}

/** The SalesCoach REST API as the pane uses it (shared/API.md). */
export class SalesCoachApi {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: ApiOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Every lead whose contacts include one of the addresses, each once (`GET /api/leads/by-email`). */
  async leadsByEmail(emails: string[]): Promise<Lead[]> {
    if (emails.length === 0) {
      return [];
    }
    const query = emails.map((e) => `email=${encodeURIComponent(e)}`).join("&");
    return this.request<Lead[]>("GET", `/leads/by-email?${query}`);
  }

  createLead(lead: NewLead): Promise<Lead> {
    return this.request<Lead>("POST", "/leads", lead);
  }

  completeTask(leadId: string, taskId: string, operationId: string): Promise<Lead> {
    return this.request<Lead>("POST", `/leads/${encodeURIComponent(leadId)}/tasks/${encodeURIComponent(taskId)}/complete`, { operationId });
  }

  logActivity(leadId: string, activity: ActivityInput): Promise<Lead> {
    return this.request<Lead>("POST", `/leads/${encodeURIComponent(leadId)}/activities`, activity);
  }

  pipeline(id: string): Promise<Pipeline> {
    return this.request<Pipeline>("GET", `/pipelines/${encodeURIComponent(id)}`);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (this.options.online && !this.options.online()) {
      throw new ApiError("offline", "You are offline.");
    }

    const headers: Record<string, string> = { Accept: "application/json", ...(await this.options.headers()) };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }

    let response: Response;
    try {
      response = await this.fetchFn(`${this.options.baseUrl.replace(/\/$/, "")}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError("offline", "SalesCoach cannot be reached.");
    }

    const text = await response.text();
    if (!response.ok) {
      const problems = parseProblems(text);
      const message = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ") || `HTTP ${response.status}`;
      throw new ApiError(kindOf(response.status), message, response.status, problems);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError("server", "SalesCoach answered with something that is not JSON.", response.status);
    }
  }
}

function parseProblems(text: string): Problem[] {
  try {
    const body = JSON.parse(text) as { errors?: Problem[] };
    return Array.isArray(body.errors) ? body.errors : [];
  } catch {
    return [];
  }
}
