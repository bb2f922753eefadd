import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonthsToMoment } from "@/lib/days";
import { classifyTierMove, csvFileName, describeMetric, isPlanStale, lastTwelveMonths, periodicStatus, saysNotKey, toCsv } from "@/lib/dashboard/model";
import { ACTION_AGE_BUCKETS, bucketFor, metricKey, parseMetric, REVIEW_AGE_BUCKETS, SCORE_BUCKETS } from "@/lib/dashboard/metrics";
import { drillHref, ZDashboardFilters, ZDrillQuery } from "@/lib/dashboard/schema";

const gold = { rank: 1, isKey: true };
const silver = { rank: 2, isKey: true };
const notKey = { rank: 3, isKey: false };

describe("classifyTierMove", () => {
  it("calls a smaller rank a move up and a larger one a move down", () => {
    expect(classifyTierMove(silver, gold)).toBe("up");
    expect(classifyTierMove(gold, silver)).toBe("down");
    expect(classifyTierMove(gold, gold)).toBe("same");
  });
  it("speaks of new and dropped key accounts when the account enters or leaves the key tiers", () => {
    expect(classifyTierMove(null, silver)).toBe("new");
    expect(classifyTierMove(notKey, gold)).toBe("new");
    expect(classifyTierMove(gold, notKey)).toBe("dropped");
    expect(classifyTierMove(silver, null)).toBe("dropped");
  });
  it("ignores changes among non-key states", () => {
    expect(classifyTierMove(null, notKey)).toBeNull();
    expect(classifyTierMove(notKey, null)).toBeNull();
    expect(classifyTierMove(null, null)).toBeNull();
  });
});

describe("addMonthsToMoment", () => {
  it("clamps to the end of a shorter month, as PostgreSQL does", () => {
    expect(addMonthsToMoment(new Date("2025-01-31T10:00:00Z"), 1).toISOString()).toBe("2025-02-28T10:00:00.000Z");
    expect(addMonthsToMoment(new Date("2024-01-31T10:00:00Z"), 1).toISOString()).toBe("2024-02-29T10:00:00.000Z");
    expect(addMonthsToMoment(new Date("2025-03-31T00:00:00Z"), -1).toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(addMonthsToMoment(new Date("2025-11-15T00:00:00Z"), 3).toISOString()).toBe("2026-02-15T00:00:00.000Z");
  });
});

describe("periodic reviews", () => {
  it("is overdue the day after it is due, and due soon within 30 days", () => {
    expect(periodicStatus("2026-03-01", "2026-03-02")).toBe("overdue");
    expect(periodicStatus("2026-03-02", "2026-03-02")).toBe("soon");
    expect(periodicStatus("2026-04-01", "2026-03-02")).toBe("soon");
    expect(periodicStatus("2026-04-02", "2026-03-02")).toBe("later");
  });
  it("calls an approved plan stale once it is older than the cadence", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(isPlanStale(new Date("2026-02-28T00:00:00Z"), 3, now)).toBe(true);
    expect(isPlanStale(new Date("2026-03-02T00:00:00Z"), 3, now)).toBe(false);
    expect(isPlanStale(null, 3, now)).toBe(false);
  });
});

describe("buckets", () => {
  it("puts scores in ten bands with 100 in the top band", () => {
    expect(bucketFor(SCORE_BUCKETS, 0, "range")?.key).toBe("0");
    expect(bucketFor(SCORE_BUCKETS, 9.99, "range")?.key).toBe("0");
    expect(bucketFor(SCORE_BUCKETS, 10, "range")?.key).toBe("1");
    expect(bucketFor(SCORE_BUCKETS, 100, "range")?.key).toBe("9");
    expect(bucketFor(SCORE_BUCKETS, null, "range")).toBeNull();
  });
  it("puts ages in inclusive day ranges that leave no gap", () => {
    expect(bucketFor(ACTION_AGE_BUCKETS, 1, "days")?.key).toBe("1-7");
    expect(bucketFor(ACTION_AGE_BUCKETS, 7, "days")?.key).toBe("1-7");
    expect(bucketFor(ACTION_AGE_BUCKETS, 8, "days")?.key).toBe("8-30");
    expect(bucketFor(ACTION_AGE_BUCKETS, 500, "days")?.key).toBe("91+");
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (d) => bucketFor(REVIEW_AGE_BUCKETS, d, "days") !== null));
  });
});

describe("figure keys", () => {
  it("round-trip through the URL", () => {
    const keys = ["all", "key", "tier:none", "tier:ckabc123", "score:0", "score:9", "score:none", "move:up", "moveMonth:2026-03:dropped",
      "owner:u1:key", "owner:u1:all", "light:strategic-position:NONE", "noPlan", "stalePlan", "overdue", "overdue:91+", "periodic:soon",
      "pending", "pending:0-7", "mentor:m1", "coverage:4", "coverage:none", "uncovered", "single", "year:2025", "year:2025:missed",
      "year:2025:tier:none", "year:2025:tier:t1", "stage:REVIEW"];
    for (const k of keys) {
      const m = parseMetric(k);
      expect(m, k).not.toBeNull();
      expect(metricKey(m!)).toBe(k);
    }
  });
  it("refuse anything else", () => {
    for (const k of ["", "tiers", "score:10", "score:-1", "move:sideways", "moveMonth:2026-13:up", "moveMonth:2026-01:same", "light:weather:RED",
      "light:delivery:BLUE", "owner:u1", "overdue:8-31", "year:25", "year:2025:tier", "stage:DONE", "all:x", "tier:a:b:c:d", "tier:bad id"]) {
      expect(parseMetric(k), k).toBeNull();
    }
  });
  it("describe themselves with the names of tiers and people", () => {
    const names = { tiers: { t1: "Gold" }, users: { u1: "Marco Rossi" } };
    expect(describeMetric(parseMetric("tier:t1")!, names)).toBe("Accounts in tier Gold");
    expect(describeMetric(parseMetric("owner:u1:key")!, names)).toBe("Key accounts managed by Marco Rossi");
    expect(describeMetric(parseMetric("light:delivery:RED")!, names)).toBe("Accounts with a red delivery light");
    expect(describeMetric(parseMetric("moveMonth:2026-03:up")!, names)).toBe("Moved up in Mar 2026");
  });
});

describe("filters and links", () => {
  it("treat an empty parameter as no filter and refuse overlong values", () => {
    expect(ZDashboardFilters.parse({ region: "", industry: "Retail", ownerId: "", tierId: "none", other: "x" })).toEqual({ region: undefined, industry: "Retail", ownerId: undefined, tierId: "none" });
    expect(ZDashboardFilters.safeParse({ region: "x".repeat(81) }).success).toBe(false);
    expect(ZDrillQuery.safeParse({ metric: "nope" }).success).toBe(false);
    expect(ZDrillQuery.parse({ metric: "all" })).toMatchObject({ page: 1, pageSize: 50, format: "json" });
  });
  it("keep the filters in drill-down links", () => {
    expect(drillHref("light:delivery:RED", { region: "DACH", tierId: "t1" })).toBe("/dashboard/accounts?region=DACH&tierId=t1&metric=light%3Adelivery%3ARED");
  });
  it("lists the twelve months ending this month", () => {
    const months = lastTwelveMonths("2026-02-10");
    expect(months[0]).toBe("2025-03");
    expect(months[11]).toBe("2026-02");
    expect(months).toHaveLength(12);
    // The day is the server's: on its New Year's Day the chart ends in January, whatever UTC says.
    expect(lastTwelveMonths("2027-01-01")).toEqual(["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01"]);
  });
});

describe("toCsv", () => {
  const cols = [
    { header: "Name", value: (r: { name: string; n: number | null }) => r.name },
    { header: "N", value: (r: { name: string; n: number | null }) => r.n },
  ];
  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    expect(toCsv([{ name: 'Acme, "big"\nco', n: 3 }, { name: "Plain", n: null }], cols)).toBe('Name,N\r\n"Acme, ""big""\nco",3\r\nPlain,\r\n');
  });
  it("neutralises cells a spreadsheet would run as formulas but keeps negative numbers", () => {
    expect(toCsv([{ name: "=HYPERLINK(\"x\")", n: -5 }, { name: "-12.5", n: 1 }, { name: "@cmd", n: 1 }], cols)).toBe(
      'Name,N\r\n"\'=HYPERLINK(""x"")",-5\r\n-12.5,1\r\n\'@cmd,1\r\n',
    );
  });
  it("names the file after the figure and the day", () => {
    expect(csvFileName("Accounts in tier Gold", "2026-03-01")).toBe("keystone-accounts-in-tier-gold-2026-03-01.csv");
  });
});

describe("saysNotKey", () => {
  it("knows a tier whose name already says it is not key, and no other", () => {
    for (const name of ["Not a key account", "not key", "Non-key", "Nonkey accounts"]) expect(saysNotKey(name), name).toBe(true);
    for (const name of ["Key partner", "Watch list", "Bronze", "Monkey business", "Another key tier"]) expect(saysNotKey(name), name).toBe(false);
  });
});
