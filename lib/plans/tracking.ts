import "server-only";
// Keeping the plan current: short-term actions, traffic lights (append-only), targets and
// actuals per year, and the account's lifecycle stage.
import { isUniqueViolation, prisma, type Prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { alreadyHolds } from "@/lib/already-saved";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { authorizeAccount, visibleAccountsWhere, type AccountAccess } from "@/lib/accounts/access";
import { actionSelect, financialYearSelect, toActionView, toFinancialYearView, toLightView, toStageChangeView } from "./mappers";
import { readPlanContent, STAGE_LABELS, type TActionInput, type TActionPatch, type TFinancialYearInput, type TStageChange, type TTrafficLightInput } from "./schema";
import type { TActionView, TFinancialYearView, TLightView, TMyActionView, TStageChangeView } from "./view";

const toDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

function assertOnTeam(access: AccountAccess, userId: string) {
  if (userId !== access.ownerId && !access.teamUserIds.includes(userId)) {
    throw new ValidationError({ ownerId: "The owner must be on the account team" }, "The owner must be on the account team");
  }
}

/** Objective ids an action may point at: those in the draft or in any version of the plan. */
async function knownObjectiveIds(accountId: string): Promise<Set<string>> {
  const [plan, versions] = await Promise.all([
    prisma.accountPlan.findUnique({ where: { accountId }, select: { draft: true } }),
    prisma.planVersion.findMany({ where: { accountId }, select: { content: true } }),
  ]);
  const ids = new Set<string>();
  for (const c of [plan?.draft, ...versions.map((v) => v.content)]) {
    if (c) for (const o of readPlanContent(c).objectives) ids.add(o.id);
  }
  return ids;
}

async function assertObjective(accountId: string, ref: string | null | undefined) {
  if (!ref) return;
  if (!(await knownObjectiveIds(accountId)).has(ref)) {
    throw new ValidationError({ objectiveRef: "That objective is not in this account's plan" }, "That objective is not in this account's plan");
  }
}

// ---------------------------------------------------------------- actions

export async function createAction(opts: { user: SessionUser; accountId: string; input: TActionInput }): Promise<TActionView> {
  const { user, accountId, input } = opts;
  const access = await authorizeAccount({ user, accountId, action: "plan:edit" });
  assertOnTeam(access, input.ownerId);
  await assertObjective(accountId, input.objectiveRef);
  return prisma.$transaction(async (tx) => {
    const created = await tx.action.create({
      data: { accountId, title: input.title, ownerId: input.ownerId, dueDate: toDay(input.dueDate), status: input.status, objectiveRef: input.objectiveRef, notes: input.notes },
      select: actionSelect,
    });
    const view = toActionView(created);
    await recordAudit(tx, { actorId: user.id, action: "action.create", entityType: "Action", entityId: created.id, accountId, after: view });
    return view;
  });
}

/** Edits an action if nobody changed it since `version`; otherwise 409 with the action as it is now. */
export async function updateAction(opts: { user: SessionUser; accountId: string; actionId: string; input: TActionPatch }): Promise<TActionView> {
  const { user, accountId, actionId, input } = opts;
  const access = await authorizeAccount({ user, accountId, action: "plan:edit" });
  if (input.ownerId !== undefined) assertOnTeam(access, input.ownerId);
  await assertObjective(accountId, input.objectiveRef);
  return prisma.$transaction(async (tx) => {
    const before = await tx.action.findFirst({ where: { id: actionId, accountId }, select: actionSelect });
    if (!before) throw new NotFoundError("Action not found");
    const { version, dueDate, ...fields } = input;
    const data: Prisma.ActionUpdateManyMutationInput & { ownerId?: string } = { ...fields, version: { increment: 1 } };
    if (dueDate !== undefined) data.dueDate = toDay(dueDate);
    const r = await tx.action.updateMany({ where: { id: actionId, accountId, version }, data });
    if (r.count === 0) {
      const { version: _v, ...sets } = data;
      const current = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: actionSelect });
      if (alreadyHolds({ ...current, ownerId: current.owner.id }, sets)) return toActionView(current);
      throw new ConflictError("Someone else changed this action after you opened it", toActionView(current));
    }
    const after = toActionView(await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: actionSelect }));
    await recordAudit(tx, { actorId: user.id, action: "action.update", entityType: "Action", entityId: actionId, accountId, before: toActionView(before), after });
    return after;
  });
}

/** The caller's own actions across every account they can still see ("My actions"). */
export async function listMyActions(opts: { user: SessionUser; include?: "open" | "all" }): Promise<TMyActionView[]> {
  const { user, include = "open" } = opts;
  const rows = await prisma.action.findMany({
    where: {
      ownerId: user.id,
      ...(include === "open" ? { status: "OPEN" as const } : {}),
      account: { AND: [visibleAccountsWhere(user), { archivedAt: null }] },
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: { ...actionSelect, account: { select: { name: true } } },
  });
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const plans = accountIds.length ? await prisma.accountPlan.findMany({ where: { accountId: { in: accountIds } }, select: { accountId: true, draft: true } }) : [];
  const titles = new Map<string, string>();
  for (const p of plans) for (const o of readPlanContent(p.draft).objectives) titles.set(`${p.accountId}:${o.id}`, o.title);
  return rows.map(({ account, ...a }) => ({
    ...toActionView(a),
    accountName: account.name,
    objectiveTitle: a.objectiveRef ? (titles.get(`${a.accountId}:${a.objectiveRef}`) ?? null) : null,
  }));
}

/** How many of the caller's open actions are overdue (for the navigation badge). */
export async function countMyOverdueActions(opts: { user: SessionUser; today: string }): Promise<number> {
  return prisma.action.count({
    where: { ownerId: opts.user.id, status: "OPEN", dueDate: { lt: toDay(opts.today) }, account: { AND: [visibleAccountsWhere(opts.user), { archivedAt: null }] } },
  });
}

// ---------------------------------------------------------------- traffic lights

/** Sets an area's light by adding a row: the history of every light is kept. */
export async function setTrafficLight(opts: { user: SessionUser; accountId: string; input: TTrafficLightInput }): Promise<TLightView> {
  const { user, accountId, input } = opts;
  await authorizeAccount({ user, accountId, action: "plan:edit" });
  return prisma.$transaction(async (tx) => {
    const row = await tx.trafficLight.create({ data: { accountId, area: input.area, color: input.color, reason: input.reason, setById: user.id } });
    await recordAudit(tx, { actorId: user.id, action: "trafficLight.set", entityType: "TrafficLight", entityId: row.id, accountId, after: input });
    return toLightView(row, new Map([[user.id, { id: user.id, name: user.name }]]));
  });
}

// ---------------------------------------------------------------- targets and actuals

/** Records a year not recorded yet; a year that exists gets 409 with its current figures. */
export async function recordFinancialYear(opts: { user: SessionUser; accountId: string; input: TFinancialYearInput }): Promise<TFinancialYearView> {
  const { user, accountId, input } = opts;
  await authorizeAccount({ user, accountId, action: "plan:edit" });
  const { version: _version, year, ...figures } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.financialYear.create({ data: { accountId, year, ...figures }, select: financialYearSelect });
      const view = toFinancialYearView(row);
      await recordAudit(tx, { actorId: user.id, action: "financialYear.create", entityType: "FinancialYear", entityId: row.id, accountId, after: view });
      return view;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const current = await prisma.financialYear.findUnique({ where: { accountId_year: { accountId, year } }, select: financialYearSelect });
    throw new ConflictError(`${year} is already recorded; edit it instead`, current ? toFinancialYearView(current) : null);
  }
}

/** Changes a recorded year's figures (only those given; null clears one) if nobody changed it since `version`. */
export async function updateFinancialYear(opts: { user: SessionUser; accountId: string; year: number; input: Omit<TFinancialYearInput, "year"> & { year?: number } }): Promise<TFinancialYearView> {
  const { user, accountId, year, input } = opts;
  await authorizeAccount({ user, accountId, action: "plan:edit" });
  if (input.version === undefined) throw new ValidationError({ version: "version is required to change a recorded year" });
  if (input.year !== undefined && input.year !== year) throw new ValidationError({ year: "The year in the body does not match the address" });
  const { version, year: _y, ...figures } = input;
  return prisma.$transaction(async (tx) => {
    const before = await tx.financialYear.findUnique({ where: { accountId_year: { accountId, year } }, select: financialYearSelect });
    if (!before) throw new NotFoundError(`${year} is not recorded yet`);
    const r = await tx.financialYear.updateMany({ where: { id: before.id, version }, data: { ...figures, version: { increment: 1 } } });
    if (r.count === 0) {
      const current = await tx.financialYear.findUniqueOrThrow({ where: { id: before.id }, select: financialYearSelect });
      if (alreadyHolds(current, figures)) return toFinancialYearView(current);
      throw new ConflictError(`Someone else changed ${year} after you opened it`, toFinancialYearView(current));
    }
    const after = toFinancialYearView(await tx.financialYear.findUniqueOrThrow({ where: { id: before.id }, select: financialYearSelect }));
    await recordAudit(tx, { actorId: user.id, action: "financialYear.update", entityType: "FinancialYear", entityId: before.id, accountId, before: toFinancialYearView(before), after });
    return after;
  });
}

// ---------------------------------------------------------------- lifecycle stage

/** Where the account is now, and the last move recorded (the one that put it there, unless moved without one). */
async function stageNow(tx: Tx, accountId: string) {
  const { stage } = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { stage: true } });
  const last = await tx.stageChange.findFirst({ where: { accountId }, orderBy: [{ changedAt: "desc" }, { id: "desc" }] });
  return { stage, last };
}

/** 409 for a move from a stage the account has left: with the stage it is in, and who moved it there. */
async function stageMovedMeanwhile(tx: Tx, { stage, last }: Awaited<ReturnType<typeof stageNow>>) {
  const changedBy = last?.changedById ? await tx.user.findUnique({ where: { id: last.changedById }, select: { id: true, name: true } }) : null;
  const by = last?.toStage === stage && changedBy ? `${changedBy.name} moved it there` : "It was moved";
  return new ConflictError(`The account is in ${STAGE_LABELS[stage]} now: ${by} after you opened this page.`, {
    stage,
    lastChange: last ? { toStage: last.toStage, changedAt: last.changedAt, changedBy } : null,
  });
}

/** Moves the account to another lifecycle stage, keeping who, when and why in the stage history. */
export async function changeAccountStage(opts: { user: SessionUser; accountId: string; input: TStageChange }): Promise<TStageChangeView> {
  const { user, accountId, input } = opts;
  await authorizeAccount({ user, accountId, action: "account:edit" });
  return prisma.$transaction(async (tx) => {
    if (input.stage === input.fromStage) throw new ValidationError({ stage: "The account is already in this stage" }, "The account is already in this stage");
    // Only from the stage this person saw, in one UPDATE: of two moves at once, the second finds
    // the stage changed and gets a 409, as does a move from a page opened before the last one.
    const r = await tx.account.updateMany({ where: { id: accountId, stage: input.fromStage }, data: { stage: input.stage, version: { increment: 1 } } });
    if (r.count === 0) {
      const now = await stageNow(tx, accountId);
      const { stage, last } = now;
      // This person's own move, sent again after its answer was lost: it is the last one recorded.
      if (last && stage === input.stage && last.changedById === user.id && last.fromStage === input.fromStage && last.toStage === input.stage && last.note === input.note) {
        return toStageChangeView(last, new Map([[user.id, { id: user.id, name: user.name }]]));
      }
      throw await stageMovedMeanwhile(tx, now);
    }
    const change = await tx.stageChange.create({ data: { accountId, fromStage: input.fromStage, toStage: input.stage, note: input.note, changedById: user.id } });
    await recordAudit(tx, { actorId: user.id, action: "account.stage", entityType: "Account", entityId: accountId, accountId, before: { stage: input.fromStage }, after: { stage: input.stage, note: input.note } });
    return toStageChangeView(change, new Map([[user.id, { id: user.id, name: user.name }]]));
  });
}
