// The large portfolio, part 1: people, accounts, teams, scores, tiers and score history.
// Every statement is one INSERT ... SELECT over generate_series, so PostgreSQL builds the rows
// set-wise. Randomness is a hash of (row number, salt) (pg_temp.r), so the data set is the same
// on every run and machine. Ids are readable and computable ("lgA00042", "lgC00042_07"), which lets
// later steps join by arithmetic instead of lookups.
export const ACCOUNTS = 10_000;
export const CONTACTS_PER_ACCOUNT = 15; // on average: 150,000 people
export const RELATIONSHIPS_PER_ACCOUNT = 100; // on average: 1,000,000 relationships
export const VERSIONS_PER_ACCOUNT = 5; // on average: 50,000 plan versions
export const REVIEWS = 20_000;
export const TEAM_SIZE = 10;
export const LARGE_MANAGERS = 400;
export const LARGE_MENTORS = 40;

export type Step = { name: string; sql: string };

const list = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

const PREFIXES = ["Nordic", "Alpine", "Atlantic", "Baltic", "Central", "Coastal", "Crown", "Delta", "Eastern", "Falcon", "Granite", "Harbor", "Highland", "Imperial", "Iron", "Lakeside", "Liberty", "Lunar", "Meridian", "Midland", "Northern", "Oak", "Orion", "Pacific", "Pioneer", "Polar", "Prime", "Quartz", "Redwood", "Royal", "Silver", "Solar", "Southern", "Summit", "Titan", "Union", "Vanguard", "Vertex", "Western", "Zenith"];
const CORES = ["Steel", "Foods", "Logistics", "Pharma", "Energy", "Telecom", "Motors", "Chemicals", "Retail", "Health", "Paper", "Glass", "Aerospace", "Textiles", "Water", "Mining", "Software", "Shipping", "Bank", "Insurance", "Rail", "Dairy", "Optics", "Plastics", "Cement", "Wind", "Foundry", "Labs", "Packaging", "Media"];
const SUFFIXES = ["Group", "AG", "Ltd", "SA", "Holdings", "Industries", "GmbH", "BV", "plc", "Partners"];
export const INDUSTRIES = ["Manufacturing", "Energy & Utilities", "Logistics", "Pharmaceuticals", "Healthcare", "Aerospace", "Food & Beverage", "Telecommunications", "Construction", "Retail", "Financial Services", "Electronics", "Automotive", "Chemicals", "Technology", "Transport"];
export const REGIONS = ["DACH", "Nordics", "UK & Ireland", "France", "Benelux", "Southern Europe", "Central Europe", "North America", "Asia Pacific"];
const FIRST = ["Anna", "Ben", "Carla", "David", "Eva", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Leo", "Maria", "Nils", "Olga", "Paul", "Rosa", "Stefan", "Tina", "Viktor", "Wendy", "Yusuf", "Zoe", "Marek", "Lucia", "Omar", "Sanna", "Pierre", "Hannah", "Ravi"];
const LAST = ["Andersen", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen", "Keller", "Larsen", "Moreau", "Novak", "Olsen", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Young", "Zimmer", "Kowalski", "Lindberg", "Martin", "Nagy", "Okafor"];
const DEPARTMENTS = ["Executive board", "Procurement", "Finance", "Operations", "IT", "R&D", "Quality", "Logistics", "Engineering", "Legal"];
const SITES = ["Headquarters", "Plant North", "Plant South", "Regional office", "Distribution centre"];

export function portfolioSteps(opts: { passwordHash: string }): Step[] {
  const hash = opts.passwordHash.replace(/'/g, "''");
  return [
    {
      name: "helpers",
      sql: `
        CREATE FUNCTION pg_temp.r(k bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
          $$ SELECT ((hashint8extended(k, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$;
        CREATE FUNCTION pg_temp.pick(xs text[], k bigint, salt int) RETURNS text LANGUAGE sql IMMUTABLE AS
          $$ SELECT xs[1 + floor(pg_temp.r(k, salt) * array_length(xs, 1))::int] $$;
        CREATE TEMP TABLE lg_tiers AS SELECT id, name, rank, "minScore", "isKey", "reviewEveryMonths" AS cadence FROM "Tier";
        -- tierFor() of lib/scoring/model.ts: the highest-ranked tier whose minimum the score reaches; else the non-key (lowest) tier.
        CREATE FUNCTION pg_temp.tier_for(sc float8) RETURNS text LANGUAGE sql STABLE AS $$
          SELECT COALESCE(
            (SELECT id FROM lg_tiers WHERE sc IS NOT NULL AND "minScore" <= sc + 1e-9 ORDER BY rank LIMIT 1),
            (SELECT id FROM lg_tiers ORDER BY "isKey", rank DESC LIMIT 1)) $$;`,
    },
    {
      name: "people",
      sql: `
        INSERT INTO "User" (id, email, name, "passwordHash", role, "maxKeyAccounts", "updatedAt")
        SELECT 'lgU_am_' || lpad(i::text, 3, '0'), 'am' || i || '@large.keystone.demo',
          pg_temp.pick(${list(FIRST)}, i, 1) || ' ' || pg_temp.pick(${list(LAST)}, i, 2) || ' (' || i || ')',
          '${hash}', 'ACCOUNT_MANAGER', 8 + floor(pg_temp.r(i, 3) * 7)::int, now()
        FROM generate_series(1, ${LARGE_MANAGERS}) i;
        INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
        SELECT 'lgU_me_' || lpad(i::text, 3, '0'), 'mentor' || i || '@large.keystone.demo',
          pg_temp.pick(${list(FIRST)}, i, 4) || ' ' || pg_temp.pick(${list(LAST)}, i, 5) || ' (mentor ' || i || ')',
          '${hash}', 'MENTOR', now()
        FROM generate_series(1, ${LARGE_MENTORS}) i;
        CREATE TEMP TABLE lg_pool AS SELECT
          (SELECT array_agg(id ORDER BY id) FROM "User" WHERE role = 'ACCOUNT_MANAGER' AND active) AS am,
          (SELECT array_agg(id ORDER BY id) FROM "User" WHERE role = 'MENTOR' AND active) AS mentors;`,
    },
    {
      name: "accounts",
      sql: `
        CREATE TEMP TABLE lg_a AS
        SELECT i, 'lgA' || lpad(i::text, 5, '0') AS id,
          (pg_temp.r(i, 10) + pg_temp.r(i, 11) + pg_temp.r(i, 12)) / 3 AS q,
          -- Paired deltas (+d on odd rows, -d on even) keep the totals exact while sizes vary.
          (CASE WHEN i % 2 = 1 THEN 1 ELSE -1 END) * (floor(pg_temp.r((i + 1) / 2, 40) * 13)::int - 6) AS k,
          (CASE WHEN i % 2 = 1 THEN 1 ELSE -1 END) * (floor(pg_temp.r((i + 1) / 2, 60) * 11)::int - 5) AS d,
          1 + floor(pg_temp.r(i, 3) * array_length(p.am, 1))::int AS oi,
          CASE WHEN pg_temp.r(i, 4) < 0.92 THEN 1 + floor(pg_temp.r(i, 5) * array_length(p.mentors, 1))::int END AS mi
        FROM generate_series(1, ${ACCOUNTS}) i, lg_pool p;
        ALTER TABLE lg_a ADD PRIMARY KEY (i);
        INSERT INTO "Account" (id, name, industry, region, stage, "annualRevenue", "annualMargin", description, "ownerId", "mentorId",
          "archivedAt", "createdAt", "updatedAt")
        SELECT a.id,
          (${list(PREFIXES)})[1 + (j % 40)] || ' ' || (${list(CORES)})[1 + (j / 40) % 30] || ' ' || (${list(SUFFIXES)})[1 + j / 1200],
          pg_temp.pick(${list(INDUSTRIES)}, a.i, 6), pg_temp.pick(${list(REGIONS)}, a.i, 7),
          (CASE WHEN s < 0.18 THEN 'PRE_SALES' WHEN s < 0.28 THEN 'CONTRACT_NEGOTIATION' WHEN s < 0.43 THEN 'IMPLEMENTATION'
                WHEN s < 0.53 THEN 'REVIEW' ELSE 'EXPLOITATION' END)::"Stage",
          round(rev::numeric, -3), round((rev * (0.08 + 0.27 * pg_temp.r(a.i, 9)))::numeric, -3),
          'Generated for the large data set.', p.am[a.oi], p.mentors[a.mi],
          CASE WHEN pg_temp.r(a.i, 14) < 0.02 THEN now() - make_interval(days => floor(pg_temp.r(a.i, 15) * 300)::int) END,
          now() - make_interval(days => 200 + floor(pg_temp.r(a.i, 16) * 1800)::int), now()
        FROM lg_a a, lg_pool p,
          LATERAL (SELECT ((a.i - 1) * 7919) % 12000 AS j, pg_temp.r(a.i, 8) AS s,
                          exp(ln(150000) + a.q * ln(200) + (pg_temp.r(a.i, 17) - 0.5) * 1.2) AS rev) x;
        INSERT INTO "StageChange" (id, "accountId", "toStage", note, "changedById", "changedAt")
        SELECT 'lgS' || a.id, a.id, x.stage, 'Account created', x."ownerId", x."createdAt"
        FROM lg_a a JOIN "Account" x ON x.id = a.id;`,
    },
    {
      name: "teams",
      sql: `
        -- The owner leads; nine more managers, distinct because 37 * 9 is less than the pool size.
        CREATE TEMP TABLE lg_team AS
        SELECT a.id AS "accountId", array_agg(p.am[1 + ((a.oi - 1 + j * 37) % array_length(p.am, 1))] ORDER BY j) AS members
        FROM lg_a a, lg_pool p, generate_series(0, ${TEAM_SIZE - 1}) j GROUP BY a.id;
        ALTER TABLE lg_team ADD PRIMARY KEY ("accountId");
        INSERT INTO "AccountTeamMember" (id, "accountId", "userId", role, "updatedAt")
        SELECT 'lgT' || t."accountId" || '_' || j, t."accountId", t.members[j + 1],
          (CASE WHEN j = 0 THEN 'LEAD' WHEN j = 1 AND x."annualRevenue" > 8000000 THEN 'EXECUTIVE_SPONSOR' ELSE 'MEMBER' END)::"TeamRole", now()
        FROM lg_team t JOIN "Account" x ON x.id = t."accountId", generate_series(0, ${TEAM_SIZE - 1}) j;`,
    },
    {
      name: "scores",
      sql: `
        -- Criterion scores follow the account's latent quality with noise; 5% of accounts are not scored yet,
        -- 4% of the others miss a criterion.
        INSERT INTO "CriterionScore" (id, "accountId", "criterionId", value, rationale, "updatedById", "createdAt", "updatedAt")
        SELECT 'lgQ' || a.id || '_' || c.n, a.id, c.id,
          LEAST(5, GREATEST(1, round(1 + 4 * (a.q + (pg_temp.r(a.i * 16 + c.n, 20) - 0.5) * 0.7))))::int,
          'Estimated for the large data set', x."ownerId", x."createdAt", now()
        FROM lg_a a JOIN "Account" x ON x.id = a.id
        CROSS JOIN (SELECT id, row_number() OVER (ORDER BY "sortOrder", id) AS n FROM "ScoringCriterion" WHERE active) c
        WHERE pg_temp.r(a.i, 13) >= 0.05 AND pg_temp.r(a.i * 16 + c.n, 21) >= 0.04;
        -- scoreAccount() of lib/scoring/model.ts, set-wise: weighted mean of (value-1)/4*100 over scored
        -- active criteria with weight, one decimal. Without criteria, a score from the latent quality.
        UPDATE "Account" x SET score = s.score, "scoredCriteria" = s.n
        FROM (
          SELECT cs."accountId", round((sum(c.weight * (cs.value - 1) / 4.0 * 100) / sum(c.weight))::numeric, 1)::float8 AS score, count(*)::int AS n
          FROM "CriterionScore" cs JOIN "ScoringCriterion" c ON c.id = cs."criterionId" AND c.active AND c.weight > 0
          WHERE cs."accountId" LIKE 'lgA%' GROUP BY cs."accountId"
        ) s WHERE x.id = s."accountId";
        UPDATE "Account" x SET score = round((a.q * 100)::numeric, 1)::float8
        FROM lg_a a WHERE x.id = a.id AND NOT EXISTS (SELECT 1 FROM "ScoringCriterion" WHERE active) AND pg_temp.r(a.i, 13) >= 0.05;
        UPDATE "Account" x SET "computedTierId" = pg_temp.tier_for(x.score) FROM lg_a a WHERE x.id = a.id;
        -- A few overrides: a senior manager lifts a strategic account one tier.
        UPDATE "Account" x SET "overrideTierId" = up.id, "overrideReason" = 'Strategic account: served above its score',
          "overrideAt" = now() - interval '40 days'
        FROM lg_a a, lg_tiers cur, LATERAL (SELECT id FROM lg_tiers t WHERE t.rank = cur.rank - 1 AND t."isKey") up
        WHERE x.id = a.id AND cur.id = x."computedTierId" AND pg_temp.r(a.i, 18) < 0.015;
        ANALYZE lg_a;`,
    },
    {
      name: "score history",
      sql: `
        -- 2 to 5 snapshots over two years: the latest (today's score and tier) up to 5 months ago, the
        -- earlier ones spread before it and drifting a little from today's score, so accounts near a
        -- threshold move tier now and then.
        INSERT INTO "ScoreSnapshot" (id, "accountId", score, "tierId", "tierName", cause, "modelVersion", "createdAt")
        SELECT 'lgH' || a.id || '_' || j, a.id, sc, t.id, t.name, CASE WHEN j = 0 AND x."overrideTierId" IS NOT NULL THEN 'override' ELSE 'score' END, 1,
          now() - make_interval(days => CASE WHEN j = 0 THEN t0
                                             ELSE t0 + floor((j - 1 + pg_temp.r(a.i * 8 + j, 32)) * (730 - t0) / (n - 1))::int END)
        FROM lg_a a JOIN "Account" x ON x.id = a.id AND x.score IS NOT NULL,
          LATERAL (SELECT 2 + floor(pg_temp.r(a.i, 30) * 4)::int AS n, floor(pg_temp.r(a.i, 31) * 150)::int AS t0) nn,
          generate_series(0, 4) j,
          LATERAL (SELECT CASE WHEN j = 0 THEN x.score
                    ELSE LEAST(100, GREATEST(0, round((x.score + (pg_temp.r(a.i * 8 + j, 33) - 0.5) * 16)::numeric, 1)))::float8 END AS sc) s,
          LATERAL (SELECT id, name FROM lg_tiers WHERE id = CASE WHEN j = 0 THEN COALESCE(x."overrideTierId", x."computedTierId") ELSE pg_temp.tier_for(s.sc) END) t
        WHERE j < nn.n;`,
    },
  ];
}

export const NAMES = { FIRST, LAST, DEPARTMENTS, SITES, list };
