// A POST or DELETE sent again with its Idempotency-Key (the browser does this when the first one's
// answer was lost, lib/client/api.ts) is done once and answered again (lib/idempotency.ts).
import { beforeAll, describe, expect, it } from "vitest";
import * as contactsRoute from "@/app/api/accounts/[id]/contacts/route";
import * as actionsRoute from "@/app/api/accounts/[id]/plan/actions/route";
import * as contactRoute from "@/app/api/accounts/[id]/contacts/[contactId]/route";
import { call, type TestUser } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

let n = 0;
const newKey = () => `test-key-${Date.now()}-${n++}`;
const addContact = (user: TestUser, body: Record<string, unknown>, key?: string) =>
  call(contactsRoute.POST, { user, url: `/api/accounts/${w.account.id}/contacts`, params: { id: w.account.id }, body, headers: key ? { "idempotency-key": key } : {} });
const people = (name: string) => testDb().contact.count({ where: { accountId: w.account.id, name } });
const audits = (name: string) => testDb().auditEvent.count({ where: { accountId: w.account.id, action: "contact.create", after: { path: ["name"], equals: name } } });

describe("Idempotency-Key on a create", () => {
  it("does it once: the same request with the same key gets the first answer again", async () => {
    const key = newKey();
    const first = await addContact(w.owner, { name: "Once Only" }, key);
    expect(first.status).toBe(201);
    const again = await addContact(w.owner, { name: "Once Only" }, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await people("Once Only")).toBe(1);
    expect(await audits("Once Only")).toBe(1);
  });

  it("without a key, or with a new one, the same request is a new create", async () => {
    await addContact(w.owner, { name: "Twice Over" });
    await addContact(w.owner, { name: "Twice Over" });
    await addContact(w.owner, { name: "Twice Over" }, newKey());
    expect(await people("Twice Over")).toBe(3);
  });

  it("refuses a key used for another request, naming the header, and creates nothing", async () => {
    const key = newKey();
    expect((await addContact(w.owner, { name: "Key Owner" }, key)).status).toBe(201);
    const other = await addContact(w.owner, { name: "Key Thief" }, key);
    expect(other.status).toBe(422);
    expect(other.body.fields).toHaveProperty("idempotency-key");
    expect(await people("Key Thief")).toBe(0);
    // The same body to another address with the key is another request too.
    const elsewhere = await call(actionsRoute.POST, { user: w.owner, url: `/api/accounts/${w.account.id}/plan/actions`, params: { id: w.account.id }, body: { name: "Key Owner" }, headers: { "idempotency-key": key } });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.fields).toHaveProperty("idempotency-key");
  });

  it("keys belong to one person: another user's same key is their own request", async () => {
    const key = newKey();
    expect((await addContact(w.owner, { name: "Shared Key" }, key)).status).toBe(201);
    const member = await addContact(w.member, { name: "Shared Key" }, key);
    expect(member.status).toBe(201);
    expect(member.headers.get("idempotent-replayed")).toBeNull();
    expect(await people("Shared Key")).toBe(2);
  });

  it("keeps no answer for a refused request: sent again, it is checked again", async () => {
    const key = newKey();
    const refused = await addContact(w.owner, { name: "" }, key);
    expect(refused.status).toBe(422);
    expect(await testDb().idempotentRequest.count({ where: { key } })).toBe(0);
    expect((await addContact(w.owner, { name: "" }, key)).status).toBe(422);
    // Someone who may not create gets the same 403 each time, and nothing is kept for them.
    expect((await addContact(w.mentor, { name: "Mentor Try" }, key)).status).toBe(403);
    expect(await testDb().idempotentRequest.count({ where: { key } })).toBe(0);
  });

  it("sent twice at the same moment, creates once: the other is answered the same or told it is still being saved", async () => {
    const key = newKey();
    const [a, b] = await Promise.all([addContact(w.owner, { name: "Double Click" }, key), addContact(w.owner, { name: "Double Click" }, key)]);
    expect([a.status, b.status]).toContain(201);
    for (const r of [a, b]) {
      if (r.status === 201) expect(r.body.name).toBe("Double Click");
      else expect([r.status, r.body.error]).toEqual([409, "This is still being saved: wait a moment and reload"]);
    }
    expect(await people("Double Click")).toBe(1);
  });

  it("takes one left unfinished for a minute (a crash) as not done", async () => {
    const key = newKey();
    await testDb().idempotentRequest.create({
      data: { userId: w.owner.id, key, path: `POST /api/accounts/${w.account.id}/contacts`, bodyHash: "0".repeat(64), createdAt: new Date(Date.now() - 5 * 60_000) },
    });
    // The body differs from the abandoned one's hash: that is still another request.
    expect((await addContact(w.owner, { name: "After Crash" }, key)).status).toBe(422);
    await testDb().idempotentRequest.deleteMany({ where: { key } });
    const body = JSON.stringify({ name: "After Crash" });
    const { createHash } = await import("node:crypto");
    await testDb().idempotentRequest.create({
      data: { userId: w.owner.id, key, path: `POST /api/accounts/${w.account.id}/contacts`, bodyHash: createHash("sha256").update(body).digest("hex"), createdAt: new Date(Date.now() - 5 * 60_000) },
    });
    expect((await addContact(w.owner, { name: "After Crash" }, key)).status).toBe(201);
    expect(await people("After Crash")).toBe(1);
    // A fresh unfinished one is still running: 409, nothing created.
    const running = newKey();
    await testDb().idempotentRequest.create({ data: { userId: w.owner.id, key: running, path: `POST /api/accounts/${w.account.id}/contacts`, bodyHash: createHash("sha256").update(JSON.stringify({ name: "Still Running" })).digest("hex") } });
    expect((await addContact(w.owner, { name: "Still Running" }, running)).status).toBe(409);
    expect(await people("Still Running")).toBe(0);
  });

  it("refuses a malformed key", async () => {
    const res = await addContact(w.owner, { name: "Bad Key" }, "short");
    expect(res.status).toBe(422);
    expect(res.body.fields).toHaveProperty("idempotency-key");
    expect(await people("Bad Key")).toBe(0);
  });
});

describe("Idempotency-Key on a removal", () => {
  const remove = (id: string, version: number, key?: string) =>
    call(contactRoute.DELETE, {
      user: w.owner,
      method: "DELETE",
      url: `/api/accounts/${w.account.id}/contacts/${id}?version=${version}`,
      params: { id: w.account.id, contactId: id },
      headers: key ? { "idempotency-key": key } : {},
    });
  const audits = (id: string) => testDb().auditEvent.count({ where: { action: "contact.delete", entityId: id } });

  it("sent again with its key, is answered as the first was instead of 404 for what it removed", async () => {
    const person = await addContact(w.owner, { name: "Leaving Soon" });
    const key = newKey();
    const first = await remove(person.body.id, person.body.version, key);
    expect(first.status).toBe(200);
    const again = await remove(person.body.id, person.body.version, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await people("Leaving Soon")).toBe(0);
    expect(await audits(person.body.id)).toBe(1);
    // Without the key (a removal nobody lost the answer to), it is gone: 404.
    expect((await remove(person.body.id, person.body.version)).status).toBe(404);
  });

  it("a key belongs to one method and address: a create's key on a removal is refused and removes nothing", async () => {
    const key = newKey();
    const created = await addContact(w.owner, { name: "Kept Here" }, key);
    expect(created.status).toBe(201);
    const res = await remove(created.body.id, created.body.version, key);
    expect(res.status).toBe(422);
    expect(res.body.fields).toHaveProperty("idempotency-key");
    expect(await people("Kept Here")).toBe(1);
  });
});
