import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toast } from "sonner";
import { ApiError } from "@/lib/client/api";
import { changeToast, notice } from "@/lib/client/toast";

// What sonner would draw now: every toast not yet dismissed.
const shown = () => toast.getToasts().map((t) => ({ id: t.id, type: "type" in t ? t.type : undefined, title: "title" in t ? t.title : undefined }));

describe("changeToast: one toast per change", () => {
  // Sonner tells its <Toaster> of a dismissal on the next frame; there is no frame here.
  beforeEach(() => {
    vi.stubGlobal("requestAnimationFrame", (run: () => void) => setTimeout(run, 0));
    vi.stubGlobal("cancelAnimationFrame", (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  });
  afterEach(() => {
    toast.dismiss();
    vi.unstubAllGlobals();
  });

  it("replaces a failure's message with the outcome of pressing it again", () => {
    const save = changeToast("scorecard-save");
    save.failedWith(new ApiError(0, "Keystone could not be reached, so this may not have been saved."), "Could not save");
    save.done("Scores saved");
    expect(shown()).toEqual([{ id: "scorecard-save", type: "success", title: "Scores saved" }]);
  });

  it("keeps two changes' messages apart", () => {
    changeToast("action-status-a").failed("Could not update the action");
    changeToast("action-status-b").done("Done: Send the report");
    expect(shown().map((t) => t.id).sort()).toEqual(["action-status-a", "action-status-b"]);
  });

  it("says what the server said, and the fallback for anything else", () => {
    const verdict = changeToast("verdict");
    verdict.failedWith(new ApiError(409, "The review was closed meanwhile"), "Could not record the verdict");
    expect(shown()).toEqual([{ id: "verdict", type: "error", title: "The review was closed meanwhile" }]);
    verdict.failedWith(new TypeError("x is undefined"), "Could not record the verdict");
    expect(shown()).toEqual([{ id: "verdict", type: "error", title: "Could not record the verdict" }]);
  });

  it("clears an earlier failure when the form says what is wrong itself", () => {
    const change = changeToast("POST /api/accounts/a/contacts");
    change.failed("Keystone could not be reached, so this may not have been saved.");
    change.clear();
    expect(shown()).toEqual([]);
  });

  it("shows the same notice once however often it is given", () => {
    notice("map-reload", "Could not reload the map", "error");
    notice("map-reload", "Could not reload the map", "error");
    expect(shown()).toEqual([{ id: "map-reload", type: "error", title: "Could not reload the map" }]);
  });
});

// Toasts go through lib/client/toast.ts, so every change gets one place on the screen. A component
// that called sonner's toast itself would stack a success on top of its own earlier failure.
describe("the toast door", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));

  it("is the only place that imports sonner's toast", () => {
    const files = [...sources("app"), ...sources("components"), ...sources("lib")];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => {
      const text = readFileSync(path.join(root, f), "utf8");
      const fromSonner = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"sonner"/g)].flatMap((m) => m[1].split(",").map((s) => s.trim()));
      return fromSonner.some((name) => /^toast\b/.test(name)) && f !== path.join("lib", "client", "toast.ts");
    });
    expect(offenders).toEqual([]);
  });
});
