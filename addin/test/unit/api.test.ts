import { describe, expect, it } from "vitest";
import { ApiError, SalesCoachApi } from "../../src/taskpane/api";
import { FakeFetch, lead } from "./fakes";

function api(fake: FakeFetch, online = true) {
  return new SalesCoachApi({ baseUrl: "/api/", headers: async () => ({ "X-SalesCoach-User": "ana" }), fetch: fake.fetch, online: () => online });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected a failure");
}

describe("SalesCoachApi", () => {
  it("looks up every address in one request, with the caller's header", async () => {
    const fake = new FakeFetch().on("GET /api/leads/by-email", () => ({ status: 200, body: [lead()] }));

    const leads = await api(fake).leadsByEmail(["dana@northwind.example", "a+b@x.example"]);

    expect(leads.map((l) => l.id)).toEqual(["nw"]);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.url).toBe("/api/leads/by-email?email=dana%40northwind.example&email=a%2Bb%40x.example");
    expect(fake.calls[0]!.headers["X-SalesCoach-User"]).toBe("ana");
  });

  it("asks nothing for no addresses", async () => {
    const fake = new FakeFetch();
    expect(await api(fake).leadsByEmail([])).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "notFound"],
    [400, "invalid"],
    [409, "conflict"],
    [500, "server"],
  ])("turns %i into %s, with the API's problems as the message", async (status, kind) => {
    const fake = new FakeFetch().on("POST /api/leads/{id}/activities", () => ({ status, body: { errors: [{ path: "type", message: "is wrong" }] } }));

    const error = await failure(api(fake).logActivity("nw", { type: "email", direction: "in", tags: [] }));

    expect(error).toBeInstanceOf(ApiError);
    expect([error.kind, error.status, error.message]).toEqual([kind, status, "type: is wrong"]);
  });

  it("calls a network failure offline, and does not even try when the browser says it is offline", async () => {
    const broken = new FakeFetch();
    const throwing = new SalesCoachApi({ baseUrl: "/api", headers: async () => ({}), fetch: async () => { throw new TypeError("Failed to fetch"); } });
    expect((await failure(throwing.pipeline("b2b"))).kind).toBe("offline");

    expect((await failure(api(broken, false).pipeline("b2b"))).kind).toBe("offline");
    expect(broken.calls).toHaveLength(0);
  });

  it("sends commands as JSON to the lead's URL", async () => {
    const fake = new FakeFetch().on("POST /api/leads/{id}/tasks/{taskId}/complete", () => ({ status: 200, body: lead() }));

    await api(fake).completeTask("n w", "reply", "op-1");

    expect(fake.calls[0]).toMatchObject({ method: "POST", url: "/api/leads/n%20w/tasks/reply/complete", body: { operationId: "op-1" } });
    expect(fake.calls[0]!.headers["Content-Type"]).toBe("application/json");
  });
});
