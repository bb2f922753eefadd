import { describe, expect, it } from "vitest";
import { jsonTimestamp, jsonTimestampIso } from "@/lib/json-timestamp";

describe("jsonTimestampIso (a json timestamp as the ISO text its Date would give)", () => {
  it("gives exactly what jsonTimestamp(…).toISOString() gives, for every form PostgreSQL writes", () => {
    const written = [
      "2026-12-02T06:53:35.851", // three fraction digits
      "2026-12-02T06:53:35.85", // trailing zero dropped
      "2026-12-02T06:53:35.8",
      "2026-12-02T06:53:35", // a whole second: no fraction at all
      "1999-01-01T00:00:00.001",
      "2026-12-02T06:53:35.851234", // timestamp(6): more digits than a Date keeps
      "2026-12-02T06:53:35.851+00:00", // with a zone (timestamptz)
      "2026-12-02T08:53:35.851+02:00",
      "2026-12-02T06:53:35.851Z",
    ];
    for (const s of written) expect(jsonTimestampIso(s), s).toBe(jsonTimestamp(s).toISOString());
    expect(jsonTimestampIso("2026-12-02T08:53:35.851+02:00")).toBe("2026-12-02T06:53:35.851Z");
    expect(jsonTimestampIso(null)).toBeNull();
  });
});
