import { describe, expect, it } from "vitest";
import { addDays, addMonthsToDay, localDay, localTimeZone, localToday } from "@/lib/days";
import {
  defaultAnswers,
  describeUrgency,
  lastHeldLabel,
  periodicSchedule,
  queueDeadline,
  reviewEveryMonths,
  sortQueue,
  threadState,
  turnaroundByMentor,
  turnaroundDays,
} from "@/lib/reviews/model";
import { ZCommentInput, ZPeriodicReviewInput, ZProposalInput, ZVerdictInput, sectionsFor } from "@/lib/reviews/schema";
import { markdownToSafeHtml, sanitizeRichText, toStoredBody } from "@/lib/reviews/rich-text";


/** Runs `check` with the runtime's time zone set to `zone` (Node reads TZ afresh when it changes). */
function inZone(zone: string, check: () => void) {
  const was = process.env.TZ;
  process.env.TZ = zone;
  try {
    check();
  } finally {
    if (was === undefined) delete process.env.TZ;
    else process.env.TZ = was;
  }
}

describe("the periodic review schedule", () => {
  it("adds calendar months, falling back to the month's last day", () => {
    expect(addMonthsToDay("2026-01-15", 6)).toBe("2026-07-15");
    expect(addMonthsToDay("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsToDay("2028-08-31", 6)).toBe("2029-02-28");
    expect(addMonthsToDay("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonthsToDay(new Date("2026-03-01T00:00:00Z"), 12)).toBe("2027-03-01");
    expect(addMonthsToDay("2026-01-31", -2)).toBe("2025-11-30");
  });

  it("uses the tier's cadence, and six months without a tier", () => {
    expect(reviewEveryMonths({ reviewEveryMonths: 3 })).toBe(3);
    expect(reviewEveryMonths(null)).toBe(6);
    expect(reviewEveryMonths({ reviewEveryMonths: 0 })).toBe(6);
  });

  it("counts from the last review, or from when the account started", () => {
    expect(periodicSchedule({ lastReviewedAt: "2026-01-10", since: "2020-01-01", everyMonths: 3, today: "2026-04-10" })).toMatchObject({
      dueOn: "2026-04-10",
      state: "due-soon",
      daysOverdue: 0,
    });
    expect(periodicSchedule({ lastReviewedAt: "2026-01-10", since: "2020-01-01", everyMonths: 3, today: "2026-04-11" })).toMatchObject({ state: "overdue", daysOverdue: 1 });
    expect(periodicSchedule({ lastReviewedAt: null, since: "2026-01-01", everyMonths: 6, today: "2026-02-01" })).toMatchObject({
      lastReviewedOn: null,
      dueOn: "2026-07-01",
      state: "scheduled",
    });
  });

  it("says what it counts from before the first meeting: the first approved plan, else the account's creation", () => {
    inZone("Europe/Berlin", () => {
      const day = (d: string) => `day ${d}`;
      const met = periodicSchedule({ lastReviewedAt: "2026-01-10", firstApprovedAt: "2025-06-01T12:00:00Z", since: "2020-01-01", everyMonths: 3, today: "2026-02-01" });
      expect(met).toMatchObject({ countedFrom: "meeting", countedFromOn: "2026-01-10" });
      expect(lastHeldLabel(met, day)).toBe("Last held day 2026-01-10");
      const approved = periodicSchedule({ lastReviewedAt: null, firstApprovedAt: "2026-02-03T12:00:00Z", since: "2020-01-01T12:00:00Z", everyMonths: 6, today: "2026-03-01" });
      expect(approved).toMatchObject({ countedFrom: "first-approval", countedFromOn: "2026-02-03", dueOn: "2026-08-03" });
      expect(lastHeldLabel(approved, day)).toBe("Never held; counted from the first approved plan, day 2026-02-03");
      const fresh = periodicSchedule({ lastReviewedAt: null, firstApprovedAt: null, since: "2026-01-05T12:00:00Z", everyMonths: 6, today: "2026-03-01" });
      expect(fresh).toMatchObject({ countedFrom: "creation", countedFromOn: "2026-01-05" });
      expect(lastHeldLabel(fresh, day)).toBe("Never held; counted from when the account was added, day 2026-01-05");
    });
  });
});

describe("the server's time zone", () => {
  it("is read again when TZ changes, so SQL day boundaries follow the zone the code counts days in", () => {
    inZone("Europe/Berlin", () => expect(localTimeZone()).toBe("Europe/Berlin"));
    inZone("Pacific/Auckland", () => {
      expect(localTimeZone()).toBe("Pacific/Auckland");
      expect(localTimeZone()).toBe("Pacific/Auckland");
    });
    inZone("UTC", () => expect(localTimeZone()).toBe("UTC"));
  });
});

describe("the queue's order", () => {
  it("takes the customer's decision date when it comes before the review target", () => {
    inZone("Europe/Berlin", () => {
      expect(queueDeadline({ kind: "review", submittedAt: "2026-05-01T09:00:00Z", decisionDate: "2026-05-04" })).toBe("2026-05-04");
      expect(queueDeadline({ kind: "review", submittedAt: "2026-05-01T09:00:00Z", decisionDate: "2026-07-01" })).toBe("2026-05-11");
      expect(queueDeadline({ kind: "review", submittedAt: "2026-05-01T09:00:00Z", decisionDate: null })).toBe("2026-05-11");
      expect(queueDeadline({ kind: "periodic-review", dueOn: "2026-03-01" })).toBe("2026-03-01");
    });
  });

  it("sorts by deadline, then by who waited longest", () => {
    const items = [
      { id: "b", deadline: "2026-05-10", since: "2026-04-30" },
      { id: "a", deadline: "2026-05-10", since: "2026-04-29" },
      { id: "c", deadline: "2026-05-01", since: "2026-04-30" },
    ];
    expect(sortQueue(items).map((i) => i.id)).toEqual(["c", "a", "b"]);
  });

  it("says why an item is urgent", () => {
    // Submitted at noon in Berlin on 1 May (the zone matters: see "days counted where the app runs").
    inZone("Europe/Berlin", () => {
      expect(describeUrgency({ kind: "periodic-review", dueOn: "2026-05-01" }, "2026-05-11")).toMatchObject({ tone: "red", label: "Periodic review overdue by 10 days" });
      expect(describeUrgency({ kind: "review", submittedAt: "2026-05-01T10:00:00Z", decisionDate: "2026-05-05" }, "2026-05-03")).toMatchObject({
        tone: "amber",
        label: "Waiting 2 days; customer decides in 2 days",
      });
      expect(describeUrgency({ kind: "review", submittedAt: "2026-05-01T10:00:00Z", decisionDate: null }, "2026-05-20").label).toBe("Waiting 19 days, past the 10-day target");
    });
  });
});

describe("threads", () => {
  const team = ["owner", "member"];
  it("waits for the team after the mentor spoke, and for the mentor after the team answered", () => {
    expect(threadState({ resolvedAt: null, messages: [{ authorId: "mentor", createdAt: "2026-01-01" }], teamUserIds: team })).toBe("awaiting-team");
    expect(
      threadState({ resolvedAt: null, messages: [{ authorId: "member", createdAt: "2026-01-02" }, { authorId: "mentor", createdAt: "2026-01-01" }], teamUserIds: team }),
    ).toBe("awaiting-mentor");
    expect(threadState({ resolvedAt: "2026-01-03", messages: [{ authorId: "mentor", createdAt: "2026-01-01" }], teamUserIds: team })).toBe("resolved");
    // Answered by a revised version: the mentor's turn, even without a written reply.
    expect(threadState({ resolvedAt: null, messages: [{ authorId: "mentor", createdAt: "2026-01-01" }], teamUserIds: team, answered: true })).toBe("awaiting-mentor");
  });

  it("assumes open threads on changed sections are answered, never general or resolved ones", () => {
    const threads = [
      { id: "1", section: "strategy", resolvedAt: null },
      { id: "2", section: "risks", resolvedAt: null },
      { id: "3", section: "general", resolvedAt: null },
      { id: "4", section: "strategy", resolvedAt: "2026-01-01" },
    ];
    expect(defaultAnswers(threads, ["strategy", "general"])).toEqual(["1"]);
  });
});

describe("turnaround", () => {
  it("measures days from request to verdict, per mentor", () => {
    expect(turnaroundDays("2026-01-01T00:00:00Z", "2026-01-01T06:00:00Z")).toBe(0.3);
    const rows = turnaroundByMentor(
      [
        { mentorId: "h", submittedAt: "2026-01-01T00:00:00Z", decidedAt: "2026-01-03T00:00:00Z" },
        { mentorId: "h", submittedAt: "2026-01-01T00:00:00Z", decidedAt: "2026-01-05T00:00:00Z" },
        { mentorId: "h", submittedAt: "2026-01-01T00:00:00Z", decidedAt: "2026-01-21T00:00:00Z" },
        { mentorId: "h", submittedAt: "2026-01-10T00:00:00Z", decidedAt: null },
        { mentorId: "d", submittedAt: "2026-01-01T00:00:00Z", decidedAt: null },
      ],
      "2026-01-31T00:00:00Z",
    );
    expect(rows.find((r) => r.mentorId === "h")).toMatchObject({ decided: 3, medianDays: 4, averageDays: 8.7, longestDays: 20, pending: 1, oldestPendingDays: 21 });
    expect(rows.find((r) => r.mentorId === "h")?.withinTarget).toBeCloseTo(2 / 3);
    expect(rows.find((r) => r.mentorId === "d")).toMatchObject({ decided: 0, medianDays: null, pending: 1, oldestPendingDays: 30 });
  });
});

describe("inputs", () => {
  it("needs a summary with a verdict, and one of two verdicts", () => {
    expect(ZVerdictInput.safeParse({ verdict: "endorse", summary: " " }).success).toBe(false);
    expect(ZVerdictInput.safeParse({ verdict: "approve", summary: "ok" }).success).toBe(false);
    expect(ZVerdictInput.parse({ verdict: "request-changes", summary: " Rework it " }).summary).toBe("Rework it");
  });

  it("drops an empty quote and requires words in a comment", () => {
    expect(ZCommentInput.parse({ section: "strategy", quote: "", body: "Why?" }).quote).toBeUndefined();
    expect(ZCommentInput.safeParse({ section: "strategy", body: "" }).success).toBe(false);
  });

  it("accepts only web links on proposals and real dates", () => {
    const base = { title: "T", kind: "proposal" };
    expect(ZProposalInput.safeParse({ ...base, link: "https://docs.example/deck" }).success).toBe(true);
    expect(ZProposalInput.safeParse({ ...base, link: "javascript:alert(1)" }).success).toBe(false);
    expect(ZProposalInput.safeParse({ ...base, decisionDate: "2026-02-30" }).success).toBe(false);
    expect(ZProposalInput.parse({ ...base, link: "" }).link).toBeNull();
  });

  it("requires an attendee and a known outcome for a periodic review", () => {
    expect(ZPeriodicReviewInput.safeParse({ heldOn: "2026-01-01", attendees: [], outcome: "on-track" }).success).toBe(false);
    expect(ZPeriodicReviewInput.safeParse({ heldOn: "2026-01-01", attendees: ["A"], outcome: "great" }).success).toBe(false);
  });

  it("anchors plan comments to plan sections and proposal comments to proposal parts", () => {
    expect(sectionsFor("plan-version")).toContain("strategy");
    expect(sectionsFor("proposal")).toEqual(["general", "summary", "body", "commercials"]);
  });
});

describe("rich text", () => {
  it("keeps formatting and drops anything that could run", () => {
    const out = sanitizeRichText(`<h1>T</h1><p style="x" onmouseover="a()">A <em>b</em></p><script>x()</script><svg onload="y()"></svg><a href="data:text/html,hi">d</a><a href="mailto:a@b.c">m</a>`);
    expect(out).toBe(`<h2>T</h2><p>A <em>b</em></p><a rel="noopener noreferrer nofollow" target="_blank">d</a><a href="mailto:a@b.c" rel="noopener noreferrer nofollow" target="_blank">m</a>`);
  });

  it("renders markdown through the same sanitiser", () => {
    expect(markdownToSafeHtml("**bold** <img src=x onerror=alert(1)>")).toBe("<p><strong>bold</strong> </p>");
    expect(toStoredBody("   ", "markdown")).toBe("");
  });
});

// "Today" is the local day where the code runs (the person's in the browser, the server's `TZ` on
// the server). A moment is read as the day it fell on in that same zone, or day counts are off by
// one for part of every day anywhere but UTC.
describe("when the next plan review is due", () => {
  const due = (input: { lastReviewedAt: string | null; firstApprovedAt: string | null; everyMonths: number }) =>
    periodicSchedule({ ...input, since: "2024-01-10", today: "2024-02-01" }).dueOn;
  it("counts from the last review, else the first approved plan, else the account's creation", () => {
    expect(due({ lastReviewedAt: "2025-05-20", firstApprovedAt: "2024-03-01", everyMonths: 3 })).toBe("2025-08-20");
    expect(due({ lastReviewedAt: null, firstApprovedAt: "2024-03-01", everyMonths: 3 })).toBe("2024-06-01");
    expect(due({ lastReviewedAt: null, firstApprovedAt: null, everyMonths: 12 })).toBe("2025-01-10");
  });
  it("uses six months when the account has no tier", () => {
    expect(due({ lastReviewedAt: null, firstApprovedAt: null, everyMonths: reviewEveryMonths(null) })).toBe("2024-07-10");
  });
});

describe("days counted where the app runs", () => {
  it("reads a moment as its local day and a plain day as itself", () => {
    inZone("Pacific/Auckland", () => {
      expect(localDay("2026-11-29T12:00:00.000Z")).toBe("2026-11-30");
      expect(localDay(new Date("2026-11-29T10:59:00.000Z"))).toBe("2026-11-29");
      expect(localDay("2026-11-29")).toBe("2026-11-29");
      expect(localToday(new Date("2026-11-29T12:00:00.000Z"))).toBe("2026-11-30");
    });
    inZone("America/Los_Angeles", () => {
      expect(localDay("2026-11-30T03:00:00.000Z")).toBe("2026-11-29");
      expect(localDay("2026-11-30")).toBe("2026-11-30");
    });
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("asked at 1 am local time is 'asked today', not a day old", () => {
    inZone("Pacific/Auckland", () => {
      const item = { kind: "review" as const, submittedAt: new Date("2026-11-29T12:00:00.000Z"), decisionDate: null };
      expect(describeUrgency(item, "2026-11-30").label).toBe("Asked today");
      expect(queueDeadline(item)).toBe("2026-12-10");
    });
    inZone("America/Los_Angeles", () => {
      // 7 pm on the 29th in California, already the 30th in UTC.
      const item = { kind: "review" as const, submittedAt: "2026-11-30T03:00:00.000Z", decisionDate: "2026-12-01" };
      expect(describeUrgency(item, "2026-11-29").label).toBe("Asked today; customer decides in 2 days");
    });
  });

  it("counts the periodic review from the account's local start day, and from a meeting's own day", () => {
    inZone("America/Los_Angeles", () => {
      // Created at 7 pm on 31 December in California: its six months run from 31 December.
      const created = new Date("2026-01-01T03:00:00.000Z");
      expect(periodicSchedule({ lastReviewedAt: null, since: created, everyMonths: 6, today: "2026-02-01" }).dueOn).toBe("2026-06-30");
      // A meeting day is stored at midnight UTC and stays that day.
      const met = periodicSchedule({ lastReviewedAt: new Date("2026-01-10T00:00:00.000Z"), since: created, everyMonths: 3, today: "2026-02-01" });
      expect(met).toMatchObject({ lastReviewedOn: "2026-01-10", dueOn: "2026-04-10" });
    });
  });
});
