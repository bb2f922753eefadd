import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { TUserCreate, TUserUpdate } from "@/lib/users/schema";

const userSelect = { id: true, email: true, name: true, role: true, active: true, maxKeyAccounts: true, version: true, createdAt: true, updatedAt: true } as const;

function assertAdmin(user: SessionUser) {
  if (!can(user, "user:manage")) throw new ForbiddenError("Only administrators manage users");
}

export async function listUsers(opts: { user: SessionUser }) {
  assertAdmin(opts.user);
  return prisma.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export async function createUser(opts: { user: SessionUser; input: TUserCreate }) {
  assertAdmin(opts.user);
  const { password, ...rest } = opts.input;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { email: rest.email }, select: { id: true } });
    if (exists) throw new ValidationError({ email: "A user with this email already exists" });
    const created = await tx.user.create({ data: { ...rest, passwordHash }, select: userSelect });
    await recordAudit(tx, { actorId: opts.user.id, action: "user.create", entityType: "User", entityId: created.id, after: created });
    return created;
  });
}

export async function updateUser(opts: { user: SessionUser; userId: string; input: TUserUpdate }) {
  assertAdmin(opts.user);
  const { version, password, ...fields } = opts.input;
  if (opts.userId === opts.user.id && (fields.active === false || (fields.role && fields.role !== "ADMIN"))) {
    throw new ValidationError({ [fields.active === false ? "active" : "role"]: "You cannot deactivate yourself or remove your own admin role" });
  }
  const passwordHash = password ? await hashPassword(password) : undefined;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: opts.userId }, select: userSelect });
    if (!before) throw new NotFoundError("User not found");
    const res = await tx.user.updateMany({
      where: { id: opts.userId, version },
      data: { ...fields, ...(passwordHash ? { passwordHash } : {}), version: { increment: 1 } },
    });
    if (res.count === 0) throw new ConflictError("Someone else changed this user after you opened it", before);
    const after = await tx.user.findUniqueOrThrow({ where: { id: opts.userId }, select: userSelect });
    await recordAudit(tx, { actorId: opts.user.id, action: "user.update", entityType: "User", entityId: after.id, before, after: { ...after, passwordChanged: Boolean(password) } });
    return after;
  });
}
