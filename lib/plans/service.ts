import "server-only";
import { cache } from "react";
// The account plan: reading it, saving the draft (optimistic concurrency), submitting versions
// (append-only), deciding on them, and the team's commitment. Short-term actions, lights,
// targets/actuals and the stage live in ./tracking.ts.
import { isUniqueViolation, jsonTimestamp, prisma, Prisma, readRows, type Tx } from "@/lib/db";
import type { ActionStatus, LightColor, PlanVersionStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { authorizeAccount, ownAccountIds } from "@/lib/accounts/access";
import {
  actionSelect,
  toActionView,
  toDraftView,
  toFinancialYearView,
  toLightView,
  toStageChangeView,
  toVersionSummary,
  toVersionView,
  versionSummarySelect,
} from "./mappers";
import { approvalChanges, canTransition, commitmentStatus, currentLights, diffPlanContent, samePlanContent, submitProblems, targetsVsActuals, type TPlanDiff } from "./model";
import { ZPlanContent, emptyPlanContent, planContentErrors, readPlanContent, type TDraftSave, type TPlanContent, type TStage } from "./schema";
import type { TDraftView, TPerson, TPlanPermissions, TPlanView, TVersionSummary, TVersionView } from "./view";

const draftSelect = { id: true, draft: true, draftVersion: true, draftSavedAt: true, draftSavedById: true, basedOnVersionId: true, currentVersionId: true } as const;

/** Names for the ids a plan mentions (submitters, savers, setters), in one query. */
async function peopleById(ids: Iterable<string | null | undefined>): Promise<Map<string, TPerson>> {
  const wanted = [...new Set([...ids].filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const rows = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

const teamSelect = { owner: { select: { id: true, name: true } }, team: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } } } as const;

/** The account team, owner first, as the people asked to commit and allowed to own actions. */
function teamFrom(account: { owner: TPerson; team: { user: TPerson }[] }): TPerson[] {
  const seen = new Set<string>([account.owner.id]);
  return [account.owner, ...account.team.map((t) => t.user).filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))];
}

async function teamOf(accountId: string): Promise<TPerson[]> {
  return teamFrom(await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: teamSelect }));
}

function permissionsFor(user: SessionUser, relation: Parameters<typeof can>[2], onTeam: boolean): TPlanPermissions {
  return {
    edit: can(user, "plan:edit", relation),
    submit: can(user, "plan:submit", relation),
    approve: can(user, "plan:approve", relation),
    commit: can(user, "plan:commit", relation) && onTeam,
    changeStage: can(user, "account:edit", relation),
  };
}

// ---------------------------------------------------------------- reading

type PlanTabJson = {
  account: { id: string; name: string; stage: TStage; owner: TPerson; mentor: TPerson | null; team: { user: TPerson }[] } | null;
  plan: { id: string; draft: Prisma.JsonValue; draftVersion: number; draftSavedAt: string; draftSavedById: string | null; basedOnVersionId: string | null; currentVersionId: string | null } | null;
  versions: { id: string; number: number; status: PlanVersionStatus; submittedAt: string; submittedById: string; decidedAt: string | null; commitments: number }[];
  actions: { id: string; accountId: string; title: string; dueDate: string; status: ActionStatus; objectiveRef: string | null; notes: string; version: number; updatedAt: string; owner: TPerson }[];
  lights: { id: string; area: string; color: LightColor; reason: string; setById: string | null; setAt: string }[];
  financials: { id: string; year: number; targetRevenue: number | null; targetMargin: number | null; actualRevenue: number | null; actualMargin: number | null; version: number; updatedAt: string }[];
  stageChanges: { id: string; fromStage: TStage | null; toStage: TStage; note: string; changedById: string | null; changedAt: string }[];
  current: { id: string; content: Prisma.JsonValue; commitments: { userId: string; committedAt: string }[] } | null;
  latest: { id: string; content: Prisma.JsonValue } | null;
  people: TPerson[];
};

/**
 * Everything the Plan tab reads, in one statement: the account and its team, the draft, the
 * versions, actions, lights (latest 500), targets and actuals, stage history (latest 100), the
 * current (latest approved) version's content and commitments, the latest version's content,
 * and the names of everyone those mention. Rows come back in the shapes the mappers take.
 */
async function readPlanTab(accountId: string) {
  const [row] = await readRows<PlanTabJson>(Prisma.sql`
    SELECT
      (SELECT json_build_object('id', a.id, 'name', a.name, 'stage', a.stage,
          'owner', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."ownerId"),
          'mentor', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."mentorId"),
          'team', COALESCE((SELECT json_agg(json_build_object('user', json_build_object('id', u.id, 'name', u.name)) ORDER BY t."createdAt", t.id)
                            FROM "AccountTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."accountId" = a.id), '[]'))
       FROM "Account" a WHERE a.id = ${accountId}) AS account,
      (SELECT json_build_object('id', p.id, 'draft', p.draft, 'draftVersion', p."draftVersion", 'draftSavedAt', p."draftSavedAt",
          'draftSavedById', p."draftSavedById", 'basedOnVersionId', p."basedOnVersionId", 'currentVersionId', p."currentVersionId")
       FROM "AccountPlan" p WHERE p."accountId" = ${accountId}) AS plan,
      COALESCE((SELECT json_agg(json_build_object('id', v.id, 'number', v.number, 'status', v.status, 'submittedAt', v."submittedAt",
          'submittedById', v."submittedById", 'decidedAt', v."decidedAt",
          'commitments', (SELECT count(*) FROM "Commitment" c WHERE c."planVersionId" = v.id)) ORDER BY v.number DESC)
       FROM "PlanVersion" v WHERE v."accountId" = ${accountId}), '[]') AS versions,
      COALESCE((SELECT json_agg(json_build_object('id', x.id, 'accountId', x."accountId", 'title', x.title, 'dueDate', x."dueDate", 'status', x.status,
          'objectiveRef', x."objectiveRef", 'notes', x.notes, 'version', x.version, 'updatedAt', x."updatedAt",
          'owner', json_build_object('id', u.id, 'name', u.name)) ORDER BY x."dueDate", x."createdAt")
       FROM "Action" x JOIN "User" u ON u.id = x."ownerId" WHERE x."accountId" = ${accountId}), '[]') AS actions,
      COALESCE((SELECT json_agg(json_build_object('id', l.id, 'area', l.area, 'color', l.color, 'reason', l.reason, 'setById', l."setById", 'setAt', l."setAt") ORDER BY l."setAt" DESC)
       FROM (SELECT * FROM "TrafficLight" WHERE "accountId" = ${accountId} ORDER BY "setAt" DESC LIMIT 500) l), '[]') AS lights,
      COALESCE((SELECT json_agg(json_build_object('id', f.id, 'year', f.year, 'targetRevenue', f."targetRevenue", 'targetMargin', f."targetMargin",
          'actualRevenue', f."actualRevenue", 'actualMargin', f."actualMargin", 'version', f.version, 'updatedAt', f."updatedAt") ORDER BY f.year)
       FROM "FinancialYear" f WHERE f."accountId" = ${accountId}), '[]') AS financials,
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'fromStage', s."fromStage", 'toStage', s."toStage", 'note', s.note,
          'changedById', s."changedById", 'changedAt', s."changedAt") ORDER BY s."changedAt" DESC)
       FROM (SELECT * FROM "StageChange" WHERE "accountId" = ${accountId} ORDER BY "changedAt" DESC LIMIT 100) s), '[]') AS "stageChanges",
      (SELECT json_build_object('id', v.id, 'content', v.content,
          'commitments', COALESCE((SELECT json_agg(json_build_object('userId', c."userId", 'committedAt', c."committedAt")) FROM "Commitment" c WHERE c."planVersionId" = v.id), '[]'))
       FROM "PlanVersion" v WHERE v."accountId" = ${accountId} AND v.status = 'APPROVED' ORDER BY v.number DESC LIMIT 1) AS current,
      (SELECT json_build_object('id', v.id, 'content', v.content)
       FROM "PlanVersion" v WHERE v."accountId" = ${accountId} ORDER BY v.number DESC LIMIT 1) AS latest,
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name)) FROM "User" u WHERE u.id IN (
          SELECT "submittedById" FROM "PlanVersion" WHERE "accountId" = ${accountId}
          UNION SELECT "draftSavedById" FROM "AccountPlan" WHERE "accountId" = ${accountId}
          UNION SELECT "setById" FROM "TrafficLight" WHERE "accountId" = ${accountId}
          UNION SELECT "changedById" FROM "StageChange" WHERE "accountId" = ${accountId})), '[]') AS people`);
  if (!row?.account) throw new NotFoundError("Account not found");
  return {
    account: row.account,
    plan: row.plan && { ...row.plan, draftSavedAt: jsonTimestamp(row.plan.draftSavedAt) },
    // The lists' rows name their fields rather than spread the parsed ones (DEVELOPERS.md: a spread
    // costs about a microsecond per property it adds or replaces; the lights alone may be 500).
    versions: row.versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      submittedAt: jsonTimestamp(v.submittedAt),
      submittedById: v.submittedById,
      decidedAt: jsonTimestamp(v.decidedAt),
      _count: { commitments: v.commitments },
    })),
    // A due date is a calendar day (`YYYY-MM-DD`), read as midnight UTC as Prisma reads a date column.
    actions: row.actions.map((x) => ({
      id: x.id,
      accountId: x.accountId,
      title: x.title,
      dueDate: new Date(`${x.dueDate}T00:00:00Z`),
      status: x.status,
      objectiveRef: x.objectiveRef,
      notes: x.notes,
      version: x.version,
      updatedAt: jsonTimestamp(x.updatedAt),
      owner: x.owner,
    })),
    lights: row.lights.map((l) => ({ id: l.id, area: l.area, color: l.color, reason: l.reason, setById: l.setById, setAt: jsonTimestamp(l.setAt) })),
    financials: row.financials.map((f) => ({
      id: f.id,
      year: f.year,
      targetRevenue: f.targetRevenue,
      targetMargin: f.targetMargin,
      actualRevenue: f.actualRevenue,
      actualMargin: f.actualMargin,
      version: f.version,
      updatedAt: jsonTimestamp(f.updatedAt),
    })),
    stageChanges: row.stageChanges.map((s) => ({ id: s.id, fromStage: s.fromStage, toStage: s.toStage, note: s.note, changedById: s.changedById, changedAt: jsonTimestamp(s.changedAt) })),
    currentContent: row.current && {
      id: row.current.id,
      content: row.current.content,
      commitments: row.current.commitments.map((c) => ({ userId: c.userId, committedAt: jsonTimestamp(c.committedAt) })),
    },
    latestContent: row.latest,
    people: new Map(row.people.map((p) => [p.id, p])),
  };
}

/** Everything the Plan tab shows: current version, draft, targets and actuals, lights, actions, commitment, stage. */
export async function getPlan(opts: { user: SessionUser; accountId: string }): Promise<TPlanView> {
  const { user, accountId } = opts;
  const access = await authorizeAccount({ user, accountId, action: "account:read" });
  const { account, plan, versions, actions, lights, financials, stageChanges, currentContent, latestContent: latestRead, people } = await readPlanTab(accountId);
  const team = teamFrom(account);
  const currentRow = versions.find((v) => v.status === "APPROVED") ?? null;
  const latestRow = versions[0] ?? null;
  const commitments = currentContent?.commitments ?? [];
  const latestContent = latestRow && latestRow.id !== currentRow?.id ? latestRead : null;
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const current = currentRow && currentContent ? toVersionView({ ...currentRow, content: currentContent.content }, people) : null;
  const lightViews = lights.map((l) => toLightView(l, people));
  const financialViews = financials.map(toFinancialYearView);
  const onTeam = team.some((p) => p.id === user.id);
  const draftContent = plan ? readPlanContent(plan.draft) : null;
  const latestContentValue = latestRow ? readPlanContent((latestContent ?? currentContent)?.content) : emptyPlanContent();
  return {
    draftHasChanges: Boolean(draftContent && !samePlanContent(draftContent, latestContentValue)),
    account: { id: account.id, name: account.name, stage: account.stage, owner: account.owner, mentor: account.mentor },
    current,
    draft: plan ? toDraftView(plan, people, numberOf) : null,
    versions: versions.map((v) => toVersionSummary(v, people)),
    financials: financialViews,
    targetsVsActuals: targetsVsActuals({ planTargets: current?.content.financialTargets ?? [], recorded: financialViews }),
    lights: { current: currentLights(lightViews), history: lightViews },
    actions: actions.map(toActionView),
    commitment: current
      ? {
          versionNumber: current.number,
          ...commitmentStatus(
            team.map((p) => ({ userId: p.id, name: p.name })),
            commitments.map((c) => ({ userId: c.userId, committedAt: c.committedAt.toISOString() })),
          ),
        }
      : null,
    stageHistory: stageChanges.map((s) => toStageChangeView(s, people)),
    team,
    permissions: permissionsFor(user, access.relation, onTeam),
    viewerId: user.id,
  };
}

/**
 * The draft for the editor, with the latest version to compare against. When nobody has saved
 * a draft yet, the editor starts from the current plan (or an empty one) at version 0.
 */
export async function getPlanDraft(opts: { user: SessionUser; accountId: string }): Promise<{ draft: TDraftView; exists: boolean; latest: TVersionView | null; permissions: TPlanPermissions; objectives: { id: string; title: string }[] }> {
  const { user, accountId } = opts;
  const access = await authorizeAccount({ user, accountId, action: "account:read" });
  const [plan, latestRow, team] = await Promise.all([
    prisma.accountPlan.findUnique({ where: { accountId }, select: draftSelect }),
    prisma.planVersion.findFirst({ where: { accountId }, orderBy: { number: "desc" }, select: { ...versionSummarySelect, content: true } }),
    teamOf(accountId),
  ]);
  const people = await peopleById([plan?.draftSavedById, latestRow?.submittedById]);
  const latest = latestRow ? toVersionView(latestRow, people) : null;
  const numberOf = new Map(latestRow ? [[latestRow.id, latestRow.number]] : []);
  const draft: TDraftView = plan
    ? toDraftView(plan, people, numberOf)
    : { content: latest?.content ?? emptyPlanContent(), version: 0, savedAt: new Date(0).toISOString(), savedBy: null, basedOnNumber: latest?.number ?? null };
  return {
    draft,
    exists: Boolean(plan),
    latest,
    permissions: permissionsFor(user, access.relation, team.some((p) => p.id === user.id)),
    objectives: draft.content.objectives.map((o) => ({ id: o.id, title: o.title })),
  };
}

export async function listPlanVersions(opts: { user: SessionUser; accountId: string }): Promise<TVersionSummary[]> {
  await authorizeAccount({ user: opts.user, accountId: opts.accountId, action: "account:read" });
  const rows = await prisma.planVersion.findMany({ where: { accountId: opts.accountId }, orderBy: { number: "desc" }, select: versionSummarySelect });
  const people = await peopleById(rows.map((r) => r.submittedById));
  return rows.map((r) => toVersionSummary(r, people));
}

async function loadVersion(accountId: string, number: number): Promise<TVersionView> {
  const row = await prisma.planVersion.findUnique({ where: { accountId_number: { accountId, number } }, select: { ...versionSummarySelect, content: true } });
  if (!row) throw new NotFoundError(`There is no version ${number}`);
  return toVersionView(row, await peopleById([row.submittedById]));
}

export async function getPlanVersion(opts: { user: SessionUser; accountId: string; number: number }): Promise<TVersionView> {
  await authorizeAccount({ user: opts.user, accountId: opts.accountId, action: "account:read" });
  return loadVersion(opts.accountId, opts.number);
}

/** Compares version `a` (older side) with version `b` (newer side), section by section. */
export async function comparePlanVersions(opts: { user: SessionUser; accountId: string; a: number; b: number }): Promise<{ a: TVersionSummary; b: TVersionSummary; diff: TPlanDiff }> {
  await authorizeAccount({ user: opts.user, accountId: opts.accountId, action: "account:read" });
  const [a, b] = await Promise.all([loadVersion(opts.accountId, opts.a), loadVersion(opts.accountId, opts.b)]);
  const { content: ca, ...sa } = a;
  const { content: cb, ...sb } = b;
  return { a: sa, b: sb, diff: diffPlanContent(ca, cb) };
}

// ---------------------------------------------------------------- the draft

async function currentDraftView(accountId: string): Promise<TDraftView | null> {
  const plan = await prisma.accountPlan.findUnique({ where: { accountId }, select: draftSelect });
  if (!plan) return null;
  const numberRow = plan.basedOnVersionId ? await prisma.planVersion.findUnique({ where: { id: plan.basedOnVersionId }, select: { id: true, number: true } }) : null;
  return toDraftView(plan, await peopleById([plan.draftSavedById]), new Map(numberRow ? [[numberRow.id, numberRow.number]] : []));
}

const STALE_DRAFT = "Someone else saved this draft after you opened it. Nothing was overwritten: compare the two and choose what to keep.";

/**
 * Saves the draft if nobody saved since `version` (0 = no draft yet); otherwise 409 with the
 * current draft, so two people editing never silently lose each other's words.
 */
export async function savePlanDraft(opts: { user: SessionUser; accountId: string; input: TDraftSave }): Promise<TDraftView> {
  const { user, accountId, input } = opts;
  await authorizeAccount({ user, accountId, action: "plan:edit" });
  try {
    await prisma.$transaction(async (tx) => {
      const existing = await tx.accountPlan.findUnique({ where: { accountId }, select: draftSelect });
      const now = new Date();
      if (!existing) {
        if (input.version !== 0) throw new ConflictError(STALE_DRAFT, null);
        const [latest, current] = await Promise.all([
          tx.planVersion.findFirst({ where: { accountId }, orderBy: { number: "desc" }, select: { id: true } }),
          tx.planVersion.findFirst({ where: { accountId, status: "APPROVED" }, orderBy: { number: "desc" }, select: { id: true } }),
        ]);
        const created = await tx.accountPlan.create({
          data: { accountId, draft: input.content, draftVersion: 1, draftSavedAt: now, draftSavedById: user.id, basedOnVersionId: latest?.id ?? null, currentVersionId: current?.id ?? null },
          select: { id: true },
        });
        await recordAudit(tx, { actorId: user.id, action: "plan.draft.save", entityType: "AccountPlan", entityId: created.id, accountId, after: { draftVersion: 1, changedSections: diffPlanContent(emptyPlanContent(), input.content).changedSections } });
        return;
      }
      if (existing.draftVersion !== input.version) throw new ConflictError(STALE_DRAFT);
      const updated = await tx.accountPlan.updateMany({
        where: { id: existing.id, draftVersion: input.version },
        data: { draft: input.content, draftVersion: { increment: 1 }, draftSavedAt: now, draftSavedById: user.id },
      });
      if (updated.count === 0) throw new ConflictError(STALE_DRAFT);
      // Autosave writes often: the audit keeps which sections changed, not the whole text each time.
      await recordAudit(tx, {
        actorId: user.id,
        action: "plan.draft.save",
        entityType: "AccountPlan",
        entityId: existing.id,
        accountId,
        before: { draftVersion: existing.draftVersion },
        after: { draftVersion: existing.draftVersion + 1, changedSections: diffPlanContent(readPlanContent(existing.draft), input.content).changedSections },
      });
    });
  } catch (e) {
    if (!(e instanceof ConflictError || isUniqueViolation(e))) throw e;
    const current = await currentDraftView(accountId);
    // The draft already says exactly this: a retry of a save whose answer was lost on the way, or
    // the text kept on a device sent again from a page that loaded just before the first save
    // landed. Nothing to reconcile and nothing written; the caller continues from this version.
    if (current && samePlanContent(current.content, input.content)) return current;
    throw new ConflictError(STALE_DRAFT, current);
  }
  const saved = await currentDraftView(accountId);
  if (!saved) throw new NotFoundError("The draft disappeared");
  return saved;
}

// ---------------------------------------------------------------- versions

/**
 * Submits the saved draft as the next numbered version (never overwriting one). `draftVersion`,
 * when given, must match the saved draft, so nobody submits text they have not seen.
 */
export async function submitPlanVersion(opts: { user: SessionUser; accountId: string; draftVersion?: number }): Promise<TVersionSummary> {
  const { user, accountId, draftVersion } = opts;
  await authorizeAccount({ user, accountId, action: "plan:submit" });
  let number: number;
  try {
    number = await prisma.$transaction(async (tx) => {
      const plan = await tx.accountPlan.findUnique({ where: { accountId }, select: draftSelect });
      if (!plan) throw new ValidationError({ body: "There is no draft to submit yet" }, "There is no draft to submit yet");
      if (draftVersion !== undefined && plan.draftVersion !== draftVersion) throw new ConflictError("The draft changed since you last saw it");
      const parsed = ZPlanContent.safeParse(plan.draft);
      if (!parsed.success) {
        const fields = planContentErrors(parsed.error);
        throw new ValidationError(fields, Object.values(fields)[0]);
      }
      const content: TPlanContent = parsed.data;
      const problems = submitProblems(content);
      if (Object.keys(problems).length) {
        throw new ValidationError(problems as Record<string, string>, `Not ready to submit: ${Object.values(problems)[0]}`);
      }
      const latest = await tx.planVersion.findFirst({ where: { accountId }, orderBy: { number: "desc" }, select: { id: true, number: true, content: true } });
      if (latest && samePlanContent(readPlanContent(latest.content), content)) {
        throw new ValidationError({ body: `Nothing has changed since version ${latest.number}` }, `Nothing has changed since version ${latest.number}`);
      }
      const created = await tx.planVersion.create({
        data: { accountId, number: (latest?.number ?? 0) + 1, content, status: "SUBMITTED", submittedById: user.id, previousId: latest?.id ?? null },
        select: { id: true, number: true, status: true },
      });
      await tx.accountPlan.update({ where: { id: plan.id }, data: { basedOnVersionId: created.id } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "plan.version.submit",
        entityType: "PlanVersion",
        entityId: created.id,
        accountId,
        after: { number: created.number, status: created.status, changedSections: latest ? diffPlanContent(readPlanContent(latest.content), content).changedSections : null },
      });
      return created.number;
    });
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(e.message, await currentDraftView(accountId));
    if (isUniqueViolation(e)) throw new ConflictError("Someone else submitted a version at the same moment; reload to see it");
    throw e;
  }
  const [summary] = (await listPlanVersions({ user, accountId })).filter((v) => v.number === number);
  return summary;
}

/**
 * Records a decision on a submitted version inside the caller's transaction. No authorization
 * here: callers decide who may (the senior manager route below; later, the mentor's review).
 * Approving makes the version the current plan, supersedes the previous one, copies its yearly
 * targets to the targets-vs-actuals record, and opens commitment for the team.
 */
export async function applyPlanDecision(tx: Tx, opts: { actorId: string; accountId: string; number: number; decision: "APPROVED" | "CHANGES_REQUESTED" }): Promise<void> {
  const { actorId, accountId, number, decision } = opts;
  const versions = await tx.planVersion.findMany({ where: { accountId }, select: { id: true, number: true, status: true, content: true } });
  const target = versions.find((v) => v.number === number);
  if (!target) throw new NotFoundError(`There is no version ${number}`);
  const now = new Date();
  if (decision === "CHANGES_REQUESTED") {
    if (!canTransition(target.status, "CHANGES_REQUESTED")) throw new ConflictError(`Version ${number} is not awaiting a decision`);
    const r = await tx.planVersion.updateMany({ where: { id: target.id, status: target.status }, data: { status: "CHANGES_REQUESTED", decidedAt: now } });
    if (r.count === 0) throw new ConflictError(`Version ${number} was decided by someone else a moment ago`);
    await recordAudit(tx, { actorId, action: "plan.version.requestChanges", entityType: "PlanVersion", entityId: target.id, accountId, before: { status: target.status }, after: { status: "CHANGES_REQUESTED" } });
    return;
  }
  const plan = approvalChanges(versions, number);
  if (!plan.ok) throw new ConflictError(plan.reason);
  for (const c of plan.changes) {
    const v = versions.find((x) => x.number === c.number)!;
    const r = await tx.planVersion.updateMany({
      where: { id: v.id, status: c.from },
      data: c.to === "APPROVED" ? { status: "APPROVED", decidedAt: now } : { status: c.to },
    });
    if (r.count === 0) throw new ConflictError(`Version ${c.number} changed a moment ago; reload and try again`);
  }
  await tx.accountPlan.updateMany({ where: { accountId }, data: { currentVersionId: target.id } });
  for (const t of readPlanContent(target.content).financialTargets) {
    await tx.financialYear.upsert({
      where: { accountId_year: { accountId, year: t.year } },
      create: { accountId, year: t.year, targetRevenue: t.revenue, targetMargin: t.margin },
      update: { targetRevenue: t.revenue, targetMargin: t.margin, version: { increment: 1 } },
    });
  }
  await recordAudit(tx, {
    actorId,
    action: "plan.version.approve",
    entityType: "PlanVersion",
    entityId: target.id,
    accountId,
    before: { status: target.status },
    after: { status: "APPROVED", superseded: plan.changes.filter((c) => c.to === "SUPERSEDED").map((c) => c.number) },
  });
}

/** A decision taken from the plan page by someone whose role may approve plans (senior manager, admin). */
export async function decidePlanVersion(opts: { user: SessionUser; accountId: string; number: number; decision: "APPROVED" | "CHANGES_REQUESTED" }): Promise<TVersionSummary> {
  const { user, accountId, number, decision } = opts;
  await authorizeAccount({ user, accountId, action: "plan:approve" });
  await prisma.$transaction((tx) => applyPlanDecision(tx, { actorId: user.id, accountId, number, decision }));
  const { content: _content, ...summary } = await loadVersion(accountId, number);
  return summary;
}

export async function approvePlanVersion(opts: { user: SessionUser; accountId: string; number: number }): Promise<TVersionSummary> {
  return decidePlanVersion({ ...opts, decision: "APPROVED" });
}

// ---------------------------------------------------------------- commitment

/** A team member commits to the current (approved) version. Committing twice is harmless. */
export async function commitToPlanVersion(opts: { user: SessionUser; accountId: string; versionNumber: number }): Promise<{ versionNumber: number; committedAt: string }> {
  const { user, accountId, versionNumber } = opts;
  const access = await authorizeAccount({ user, accountId, action: "plan:commit" });
  if (access.ownerId !== user.id && !access.teamUserIds.includes(user.id)) throw new ForbiddenError("Only members of the account team commit to its plan");
  return prisma.$transaction(async (tx) => {
    const version = await tx.planVersion.findUnique({ where: { accountId_number: { accountId, number: versionNumber } }, select: { id: true, status: true } });
    if (!version) throw new NotFoundError(`There is no version ${versionNumber}`);
    if (version.status !== "APPROVED") throw new ConflictError(`Version ${versionNumber} is not the current approved plan`);
    const existing = await tx.commitment.findUnique({ where: { planVersionId_userId: { planVersionId: version.id, userId: user.id } }, select: { committedAt: true } });
    if (existing) return { versionNumber, committedAt: existing.committedAt.toISOString() };
    const created = await tx.commitment.create({ data: { planVersionId: version.id, userId: user.id }, select: { id: true, committedAt: true } });
    await recordAudit(tx, { actorId: user.id, action: "plan.commit", entityType: "Commitment", entityId: created.id, accountId, after: { versionNumber } });
    return { versionNumber, committedAt: created.committedAt.toISOString() };
  });
}

/**
 * Approved plans on the caller's accounts that still wait for their commitment. Asked on every
 * page (the badge on "My actions") and again by the home page and "My actions" themselves: read
 * once per page request. The caller's own accounts first (ownAccountIds, by index), then their
 * approved versions. Asked in one statement, PostgreSQL walked every approved version in the
 * portfolio to find them (80-150 ms on the bench data, for anyone).
 */
export const listPendingCommitments = (opts: { user: SessionUser }) => pendingCommitmentsOf(opts.user.id);

const pendingCommitmentsOf = cache(async (userId: string): Promise<{ accountId: string; accountName: string; versionNumber: number; approvedAt: string | null }[]> => {
  const accountIds = await ownAccountIds(userId);
  if (!accountIds.length) return [];
  const rows = await prisma.planVersion.findMany({
    where: { accountId: { in: accountIds }, status: "APPROVED", commitments: { none: { userId } } },
    orderBy: { decidedAt: "desc" },
    take: 50,
    select: { number: true, decidedAt: true, account: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ accountId: r.account.id, accountName: r.account.name, versionNumber: r.number, approvedAt: r.decidedAt?.toISOString() ?? null }));
});

// ---------------------------------------------------------------- actions agreed elsewhere

/**
 * Creates short-term actions agreed outside the plan page (the next steps of a mentor's periodic
 * review) inside the caller's transaction. Added for lib/reviews/periodic.ts. No authorization
 * here: the caller decides who may record them. Every owner must be on the account team;
 * `field` names the input list in the 422 (e.g. "nextSteps" -> "nextSteps.2.ownerId").
 */
export async function createAgreedActions(
  tx: Tx,
  opts: { actorId: string; accountId: string; field: string; source: string; actions: { title: string; ownerId: string; dueDate: string; notes?: string }[] },
): Promise<ReturnType<typeof toActionView>[]> {
  const { actorId, accountId, field, source, actions } = opts;
  if (!actions.length) return [];
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { ownerId: true, team: { select: { userId: true } } } });
  const team = new Set([account.ownerId, ...account.team.map((t) => t.userId)]);
  actions.forEach((a, i) => {
    if (!team.has(a.ownerId)) throw new ValidationError({ [`${field}.${i}.ownerId`]: "The owner must be on the account team" }, "The owner must be on the account team");
  });
  const out: ReturnType<typeof toActionView>[] = [];
  for (const a of actions) {
    const created = await tx.action.create({
      data: { accountId, title: a.title, ownerId: a.ownerId, dueDate: new Date(`${a.dueDate}T00:00:00Z`), status: "OPEN", notes: a.notes ?? "" },
      select: actionSelect,
    });
    const view = toActionView(created);
    await recordAudit(tx, { actorId, action: "action.create", entityType: "Action", entityId: created.id, accountId, after: { ...view, source } });
    out.push(view);
  }
  return out;
}
