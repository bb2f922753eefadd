// The large portfolio, part 2: the customer's people and our relationships with them, plans and
// their versions, mentor reviews, periodic reviews, traffic lights, actions and yearly targets.
// Same approach as portfolio.ts: INSERT ... SELECT over generate_series, hash-based randomness.
import { NAMES, REVIEWS, TEAM_SIZE, type Step } from "./portfolio";
import { LIGHT_AREAS } from "../../lib/plans/schema";

const { FIRST, LAST, DEPARTMENTS, SITES, list } = NAMES;
const pad5 = (col: string) => `lpad(${col}::text, 5, '0')`;
const contactId = (acct: string, idx: string) => `'lgC' || ${pad5(acct)} || '_' || lpad((${idx})::text, 2, '0')`;

const ACTION_TITLES = ["Schedule the quarterly business review", "Send the revised proposal", "Meet the new procurement lead", "Prepare the executive briefing",
  "Agree the service level report", "Run the innovation workshop", "Follow up on the open complaint", "Introduce our R&D team", "Update the account plan",
  "Confirm next year's volumes", "Invite the CFO to the customer day", "Map the new plant's decision makers"];

export function activitySteps(): Step[] {
  return [
    {
      name: "customer people",
      sql: `
        INSERT INTO "Contact" (id, "accountId", name, "jobTitle", department, site, seniority, "reportsToId", "decisionRole", influence, attitude,
          "attitudeConfidence", "updatedAt")
        SELECT ${contactId("a.i", "c")}, a.id,
          pg_temp.pick(${list(FIRST)}, a.i * 32 + c, 41) || ' ' || pg_temp.pick(${list(LAST)}, a.i * 32 + c, 42),
          CASE WHEN sen = 1 THEN 'Chief Executive Officer' WHEN sen = 2 THEN 'Director, ' || dept WHEN sen = 3 THEN 'Head of ' || dept
               WHEN sen = 4 THEN dept || ' Manager' ELSE dept || ' Specialist' END,
          dept, (${list(SITES)})[1 + floor(pg_temp.r(a.i * 32 + c, 43) * (1 + a.i % 3))::int], sen,
          CASE WHEN c = 0 THEN NULL ELSE ${contactId("a.i", "(c - 1) / 4")} END,
          (CASE WHEN c = 0 THEN 'ECONOMIC_BUYER' WHEN c = 1 THEN CASE WHEN rr < 0.3 THEN 'ECONOMIC_BUYER' ELSE 'INFLUENCER' END
                WHEN c = 2 THEN CASE WHEN rr < 0.6 THEN 'COACH' ELSE 'INFLUENCER' END
                WHEN rr < 0.2 THEN 'INFLUENCER' WHEN rr < 0.55 THEN 'USER' WHEN rr < 0.67 THEN 'TECHNICAL_EVALUATOR' WHEN rr < 0.73 THEN 'GATEKEEPER' END)::"DecisionRole",
          CASE WHEN c = 0 THEN 5 ELSE LEAST(5, GREATEST(1, 6 - sen + CASE WHEN rr < 0.3 THEN 1 WHEN rr > 0.85 THEN -1 ELSE 0 END)) END,
          (CASE WHEN att < 0.2 THEN 'OPPONENT' WHEN att < 0.36 THEN 'SCEPTIC' WHEN att < 0.58 THEN 'NEUTRAL' WHEN att < 0.8 THEN 'SUPPORTER' ELSE 'CHAMPION' END)::"Attitude",
          1 + floor(pg_temp.r(a.i * 32 + c, 44) * 5)::int, now()
        FROM lg_a a, generate_series(0, 14 + a.k) c,
          LATERAL (SELECT CASE WHEN c = 0 THEN 1 WHEN c <= 3 THEN 2 WHEN c <= 8 THEN 3 ELSE 4 + floor(pg_temp.r(a.i * 32 + c, 45) * 2)::int END AS sen,
                          CASE WHEN c = 0 THEN 'Executive board' ELSE pg_temp.pick(${list(DEPARTMENTS.slice(1))}, a.i * 32 + c, 46) END AS dept,
                          pg_temp.r(a.i * 32 + c, 47) AS rr,
                          a.q + (pg_temp.r(a.i * 32 + c, 48) - 0.5) * 0.9 AS att) x;`,
    },
    {
      name: "relationships",
      sql: `
        -- nr distinct (team member, person) pairs per account, among the m people the team reaches at all (weaker
        -- accounts reach fewer): p = (n * 211 + offset) mod (team * m) is a permutation (211 is prime and larger
        -- than any team * m), so no pair repeats. Totals are exact: paired deltas cancel.
        INSERT INTO "Relationship" (id, "accountId", "userId", "contactId", strength, "currentLevel", "targetLevel", "frequencyDays",
          "lastInteractionAt", "updatedAt")
        SELECT 'lgR' || ${pad5("a.i")} || '_' || lpad(n::text, 3, '0'), a.id, t.members[1 + pp.p % ${TEAM_SIZE}], ${contactId("a.i", `(z.off + pp.p / ${TEAM_SIZE}) % z.nc`)},
          st.s,
          (CASE WHEN st.s <= 2 THEN 'SUPPLIER_CONTACT' WHEN st.s = 3 THEN 'CREDIBLE_SOURCE' WHEN st.s = 4 THEN 'PROBLEM_SOLVER' ELSE 'TRUSTED_ADVISOR' END)::"RelationshipLevel",
          (CASE WHEN st.s <= 2 THEN 'CREDIBLE_SOURCE' WHEN st.s = 3 THEN 'PROBLEM_SOLVER' ELSE 'TRUSTED_ADVISOR' END)::"RelationshipLevel",
          (ARRAY[14, 30, 60, 90])[1 + floor(pg_temp.r(a.i * 256 + n, 52) * 4)::int],
          now() - make_interval(days => floor(power(pg_temp.r(a.i * 256 + n, 53), 2) * 300)::int), now()
        FROM lg_a a JOIN lg_team t ON t."accountId" = a.id,
          LATERAL (SELECT z0.*, GREATEST(ceil(z0.nr / ${TEAM_SIZE}.0)::int, LEAST(z0.nc, round(z0.nc * (0.3 + 0.7 * a.q + (pg_temp.r(a.i, 54) - 0.5) * 0.2))::int)) AS m,
                          floor(pg_temp.r(a.i, 55) * z0.nc)::int AS off
                   FROM (SELECT 15 + a.k AS nc, (100 + sign(a.k) * round(80 * abs(a.k) / 6.0))::int AS nr) z0) z,
          generate_series(0, z.nr - 1) n,
          LATERAL (SELECT ((n * 211 + floor(pg_temp.r(a.i, 50) * ${TEAM_SIZE} * z.m)::int) % (${TEAM_SIZE} * z.m)) AS p) pp,
          -- Stronger relationships in better accounts.
          LATERAL (SELECT CASE WHEN u < t1 THEN 1 WHEN u < t1 + 0.25 THEN 2 WHEN u < t1 + 0.55 THEN 3 WHEN u < t1 + 0.75 THEN 4 ELSE 5 END AS s
                   FROM (SELECT pg_temp.r(a.i * 256 + n, 51) AS u, 0.05 + 0.25 * (1 - a.q) AS t1) uu) st;`,
    },
    {
      name: "plan versions",
      sql: `
        CREATE TEMP TABLE lg_v AS
        SELECT a.i, a.id AS "accountId", v, z.nv, l.ls,
          CASE WHEN v = z.nv THEN l.ls WHEN v = z.nv - 1 THEN CASE WHEN l.ls = 'APPROVED' THEN 'SUPERSEDED' ELSE 'APPROVED' END
               WHEN pg_temp.r(a.i * 16 + v, 66) < 0.2 THEN 'CHANGES_REQUESTED' ELSE 'SUPERSEDED' END AS status,
          now() - make_interval(days => (CASE WHEN l.ls = 'SUBMITTED' THEN pg_temp.r(a.i, 62) * 30 ELSE pg_temp.r(a.i, 62) * 300 END
                                          + (z.nv - v) * (60 + pg_temp.r(a.i, 61) * 150) + pg_temp.r(a.i * 16 + v, 63) * CASE WHEN v = z.nv THEN 5 ELSE 20 END)::int) AS "submittedAt",
          -- Each mentor has their own pace: 1 to about 30 days from submission to verdict.
          make_interval(days => (1 + (0.2 + (COALESCE(a.mi, 3) % 5) * 0.3) * pg_temp.r(a.i * 16 + v, 65) * 20)::int,
                        hours => floor(pg_temp.r(a.i * 16 + v, 67) * 20)::int) AS turnaround
        FROM lg_a a, LATERAL (SELECT 5 + a.d AS nv) z, generate_series(1, z.nv) v,
          LATERAL (SELECT CASE WHEN pg_temp.r(a.i, 64) < 0.70 THEN 'APPROVED' WHEN pg_temp.r(a.i, 64) < 0.85 THEN 'SUBMITTED' ELSE 'CHANGES_REQUESTED' END AS ls) l;
        INSERT INTO "PlanVersion" (id, "accountId", number, content, status, "submittedById", "submittedAt", "decidedAt", "previousId", "createdAt")
        SELECT 'lgP' || ${pad5("v.i")} || '_' || lpad(v.v::text, 2, '0'), v."accountId", v.v,
          jsonb_build_object(
            'keyInformation', jsonb_build_object('global', 'Market consolidating; energy prices volatile.', 'corporate', 'Cost focus with a push into services.', 'project', 'Framework agreement renewal.'),
            'customerObjectives', 'Lower total cost of ownership; secure supply.',
            'objectives', jsonb_build_array(jsonb_build_object('id', 'obj-1', 'title', 'Grow share of wallet', 'description', 'From ' || (20 + v.v * 3) || '% to ' || (30 + v.v * 3) || '%')),
            'financialTargets', '[]'::jsonb,
            'strategy', 'Version ' || v.v || ': deepen relationships with the decision makers and co-develop the next product line.',
            'opportunities', 'Service contract for the new plant.', 'risks', 'A low-cost competitor is courting procurement.',
            'howTheyBuy', jsonb_build_object('decisionProcess', 'Board approves above 1M.', 'purchasingStrategy', 'Two suppliers per category.'),
            'criticalSuccessFactors', 'On-time delivery above 98%.', 'resources', 'Dedicated service engineer.'),
          v.status::"PlanVersionStatus", x."ownerId", v."submittedAt",
          CASE WHEN v.status <> 'SUBMITTED' THEN LEAST(v."submittedAt" + v.turnaround, now() - interval '1 hour') END,
          CASE WHEN v.v > 1 THEN 'lgP' || ${pad5("v.i")} || '_' || lpad((v.v - 1)::text, 2, '0') END, v."submittedAt"
        FROM lg_v v JOIN "Account" x ON x.id = v."accountId";
        INSERT INTO "AccountPlan" (id, "accountId", draft, "draftSavedAt", "draftSavedById", "basedOnVersionId", "currentVersionId", "updatedAt")
        SELECT 'lgPlan' || ${pad5("a.i")}, a.id, latest.content, latest."submittedAt", latest."submittedById", latest.id,
          (SELECT id FROM "PlanVersion" p WHERE p."accountId" = a.id AND p.status = 'APPROVED'), now()
        FROM lg_a a JOIN LATERAL (SELECT * FROM "PlanVersion" p WHERE p."accountId" = a.id ORDER BY number DESC LIMIT 1) latest ON true;`,
    },
    {
      name: "mentor reviews",
      sql: `
        -- Every version awaiting a decision has a pending review; the rest are the latest decided versions.
        INSERT INTO "Review" (id, "accountId", "subjectType", "planVersionId", "mentorId", "requestedById", status, summary, "submittedAt",
          "decidedAt", "decidedById", "updatedAt")
        SELECT 'lgV' || substr(v.id, 4), v."accountId", 'PLAN_VERSION', v.id, m.mentor, x."ownerId",
          (CASE v.status WHEN 'SUBMITTED' THEN 'PENDING' WHEN 'CHANGES_REQUESTED' THEN 'CHANGES_REQUESTED' ELSE 'ENDORSED' END)::"ReviewStatus",
          CASE v.status WHEN 'SUBMITTED' THEN NULL WHEN 'CHANGES_REQUESTED' THEN 'Sharpen the objectives and the risks.' ELSE 'A sound plan: endorsed.' END,
          v."submittedAt", v."decidedAt", CASE WHEN v.status <> 'SUBMITTED' THEN m.mentor END, now()
        FROM (SELECT p.*, row_number() OVER (PARTITION BY p."accountId" ORDER BY p.number DESC) AS rk FROM "PlanVersion" p WHERE p.id LIKE 'lgP%') v
          JOIN "Account" x ON x.id = v."accountId", lg_pool pool,
          LATERAL (SELECT COALESCE(x."mentorId", pool.mentors[1 + floor(pg_temp.r(hashtext(x.id), 71) * array_length(pool.mentors, 1))::int]) AS mentor) m
        WHERE v.rk <= 3
        ORDER BY (v.status = 'SUBMITTED') DESC, pg_temp.r(hashtext(v.id), 70)
        LIMIT ${REVIEWS};`,
    },
    {
      name: "periodic reviews",
      sql: `
        CREATE TEMP TABLE lg_pr AS
        SELECT a.i, a.id, COALESCE(t.cadence, 6) AS cadence, x."mentorId",
          now() - make_interval(days => floor(pg_temp.r(a.i, 80) * COALESCE(t.cadence, 6) * 1.25 * 30.4)::int) AS last,
          1 + floor(pg_temp.r(a.i, 81) * 3)::int AS n
        FROM lg_a a JOIN "Account" x ON x.id = a.id LEFT JOIN lg_tiers t ON t.id = COALESCE(x."overrideTierId", x."computedTierId")
        WHERE pg_temp.r(a.i, 82) < 0.8
          AND EXISTS (SELECT 1 FROM "PlanVersion" p WHERE p."accountId" = a.id AND p.status IN ('APPROVED', 'SUPERSEDED'));
        INSERT INTO "PeriodicReview" (id, "accountId", "mentorId", "heldOn", attendees, notes, outcome, "nextSteps")
        SELECT 'lgW' || ${pad5("r.i")} || '_' || h, r.id, COALESCE(r."mentorId", pool.mentors[1 + r.i % array_length(pool.mentors, 1)]),
          (r.last - make_interval(months => h * r.cadence))::date, ARRAY['Key account manager', 'Mentor', 'Executive sponsor'],
          'Walked through the plan, the traffic lights and the open actions.',
          CASE WHEN pg_temp.r(r.i * 4 + h, 83) < 0.7 THEN 'Plan confirmed' ELSE 'Plan to be revised' END,
          ARRAY['Refresh the relationship map', 'Agree next year''s targets']
        FROM lg_pr r, lg_pool pool, generate_series(0, 2) h WHERE h < r.n;
        UPDATE "Account" x SET "lastPeriodicReviewAt" = r.last FROM lg_pr r WHERE x.id = r.id;`,
    },
    {
      name: "traffic lights",
      sql: `
        INSERT INTO "TrafficLight" (id, "accountId", area, color, reason, "setById", "setAt")
        SELECT 'lgL' || ${pad5("a.i")} || '_' || ar.n || '_' || h, a.id, ar.area, c.color::"LightColor",
          CASE c.color WHEN 'GREEN' THEN 'On track' WHEN 'AMBER' THEN 'Needs watching this quarter' ELSE 'At risk: escalate' END, x."ownerId",
          now() - make_interval(days => (h * 45 + floor(pg_temp.r(a.i * 64 + ar.n * 8 + h, 93) * 40))::int)
        FROM lg_a a JOIN "Account" x ON x.id = a.id,
          unnest(${list([...LIGHT_AREAS])}) WITH ORDINALITY ar(area, n), generate_series(0, 2) h,
          LATERAL (SELECT CASE WHEN h = 0 THEN a.q + (pg_temp.r(a.i * 8 + ar.n, 92) - 0.5) * 0.5 ELSE pg_temp.r(a.i * 64 + ar.n * 8 + h, 94) END AS v) vv,
          LATERAL (SELECT CASE WHEN vv.v > 0.5 THEN 'GREEN' WHEN vv.v > 0.36 THEN 'AMBER' ELSE 'RED' END AS color) c
        WHERE pg_temp.r(a.i, 90) < 0.92 AND h < 1 + floor(pg_temp.r(a.i * 8 + ar.n, 91) * 3)::int;`,
    },
    {
      name: "actions",
      sql: `
        INSERT INTO "Action" (id, "accountId", title, "ownerId", "dueDate", status, "updatedAt")
        SELECT 'lgX' || ${pad5("a.i")} || '_' || n, a.id, pg_temp.pick(${list(ACTION_TITLES)}, a.i * 32 + n, 96),
          t.members[1 + floor(pg_temp.r(a.i * 32 + n, 97) * ${TEAM_SIZE})::int],
          -- Open actions are mostly ahead; weaker accounts let more of them slip. Closed ones are mostly behind.
          current_date + CASE WHEN s.u < 0.65 THEN floor(-150 * pg_temp.r(a.i * 32 + n, 98) + 30 * pg_temp.r(a.i * 32 + n, 99))::int
                              ELSE floor(-40 * (1 - a.q) * pg_temp.r(a.i * 32 + n, 98) + 80 * pg_temp.r(a.i * 32 + n, 99))::int END,
          (CASE WHEN s.u < 0.55 THEN 'DONE' WHEN s.u < 0.65 THEN 'DROPPED' ELSE 'OPEN' END)::"ActionStatus", now()
        FROM lg_a a JOIN lg_team t ON t."accountId" = a.id, generate_series(0, 15) n,
          LATERAL (SELECT pg_temp.r(a.i * 32 + n, 95) AS u) s
        WHERE n < floor(pg_temp.r(a.i, 95) * 16);`,
    },
    {
      name: "targets and actuals",
      sql: `
        INSERT INTO "FinancialYear" (id, "accountId", year, "targetRevenue", "targetMargin", "actualRevenue", "actualMargin", "updatedAt")
        SELECT 'lgF' || ${pad5("a.i")} || '_' || y, a.id, y, round(f.tr::numeric, -3), round((f.tr * f.mr)::numeric, -3),
          CASE WHEN y <= f.cy THEN round(f.ar::numeric, -3) END,
          CASE WHEN y <= f.cy THEN round((f.ar * f.mr * (0.9 + 0.2 * pg_temp.r(a.i * 8 + y, 101)))::numeric, -3) END, now()
        FROM lg_a a JOIN "Account" x ON x.id = a.id,
          LATERAL (SELECT extract(year FROM now())::int AS cy) c,
          generate_series(c.cy - 3, c.cy + 2) y,
          LATERAL (SELECT c.cy,
                          x."annualRevenue"::float8 * power(1.03 + a.q * 0.1, y - c.cy) AS tr,
                          x."annualMargin"::float8 / NULLIF(x."annualRevenue"::float8, 0) AS mr,
                          x."annualRevenue"::float8 * power(1.03 + a.q * 0.1, y - c.cy) * (0.82 + 0.3 * pg_temp.r(a.i * 8 + y, 100) + 0.15 * (a.q - 0.5)) AS ar) f
        WHERE 5 + a.d > 0;`,
    },
  ];
}
