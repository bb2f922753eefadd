"use client";

// CSV import: pick what the file holds, download the template, choose the file, see a preview
// row by row, then import. A file with errors imports nothing unless the person chooses to skip
// the rows with errors. The server validates again when importing.
import { useRef, useState } from "react";
import { CheckCircle2, FileDown, XCircle } from "lucide-react";
import { api, messageOf } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { csvTemplate } from "@/lib/relationships/csv";
import { LIMITS, type TCsvKind } from "@/lib/relationships/schema";
import type { TImportOutcome } from "@/lib/relationships/view";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useMap } from "./map-context";
import { Modal } from "./sheet";
import { FormAlert } from "@/components/ui/form-alert";

const KINDS: { key: TCsvKind; label: string; hint: string }[] = [
  { key: "people", label: "People", hint: "The customer's people: name, title, department, site, who they report to, decision role, influence, attitude…" },
  { key: "relationships", label: "Relationships", hint: "Who on our team (by email) knows whom (by name or email), strength, levels, last interaction. Import the people first." },
];

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Import from CSV" description="Add or update people and relationships from a spreadsheet." className="max-w-3xl">
      {open && <ImportBody onDone={() => onOpenChange(false)} />}
    </Modal>
  );
}

function ImportBody({ onDone }: { onDone: () => void }) {
  const { accountId, mutate } = useMap();
  const [kind, setKind] = useState<TCsvKind>("people");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<TImportOutcome | null>(null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const url = `/api/accounts/${accountId}/${kind === "people" ? "contacts" : "relationships"}/import`;

  async function choose(f: File | undefined) {
    setPreview(null);
    setError(null);
    setSkip(false);
    if (!f) return setFile(null);
    if (f.size > LIMITS.csvBytes) return setError("The file is too large (900 KB at most).");
    const text = await f.text();
    setFile({ name: f.name, text });
    setBusy(true);
    try {
      setPreview(await api<TImportOutcome>(url, { method: "POST", body: { csv: text, mode: "preview" } }));
    } catch (e) {
      setError(messageOf(e, "Could not read the file"));
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    const res = await mutate<TImportOutcome>({ url, method: "POST", body: { csv: file.text, mode: "commit", skipInvalidRows: skip } });
    setBusy(false);
    if (res.ok) {
      const i = res.data.imported!;
      changeToast("relationship-import").done(`Imported: ${i.created} added, ${i.updated} updated${i.skipped ? `, ${i.skipped} rows skipped` : ""}`);
      onDone();
    } else {
      setError(res.message);
    }
  }

  const errors = preview?.counts.error ?? 0;
  const writable = (preview?.counts.create ?? 0) + (preview?.counts.update ?? 0);
  const canImport = !!preview && preview.fileErrors.length === 0 && writable > 0 && (errors === 0 || skip);

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">The file holds</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label key={k.key} className={cn("cursor-pointer rounded-lg border p-3 text-sm", kind === k.key ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50")}>
              <input
                type="radio"
                name="csv-kind"
                value={k.key}
                checked={kind === k.key}
                onChange={() => {
                  setKind(k.key);
                  setFile(null);
                  setPreview(null);
                  if (input.current) input.current.value = "";
                }}
                className="mr-2"
              />
              <span className="font-medium text-slate-900">{k.label}</span>
              <span className="mt-1 block text-xs text-slate-500">{k.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" variant="secondary" onClick={() => download(`${kind}-template.csv`, csvTemplate(kind))}>
          <FileDown aria-hidden className="h-4 w-4" /> Download the {kind} template
        </Button>
        <label className="text-sm">
          <span className="sr-only">CSV file</span>
          <input ref={input} type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={(e) => choose(e.target.files?.[0])} className="text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-900 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white" />
        </label>
      </div>

      {busy && !preview && <p className="text-sm text-slate-500">Checking the file…</p>}
      {error && (
        <FormAlert reveal>
          {error}
        </FormAlert>
      )}
      {preview && (
        <div className="space-y-3" data-testid="import-preview">
          {preview.fileErrors.map((e) => (
            <FormAlert key={e}>
              {e}
            </FormAlert>
          ))}
          {preview.fileErrors.length === 0 && (
            <p className="text-sm text-slate-700">
              <strong>{file?.name}</strong>: {preview.counts.create} to add, {preview.counts.update} to update,{" "}
              <span className={errors ? "font-semibold text-red-700" : ""}>{errors} with errors</span>.
            </p>
          )}
          {preview.unknownColumns.length > 0 && <p className="text-xs text-amber-700">Ignored columns (not in the template): {preview.unknownColumns.join(", ")}</p>}
          {preview.rows.length > 0 && (
            <div className="max-h-72 overflow-auto rounded-lg border border-slate-200">
              <table className="w-full text-sm">
                <caption className="sr-only">Preview of the import, row by row</caption>
                <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="px-2 py-1.5">Row</th>
                    <th scope="col" className="px-2 py-1.5">{kind === "people" ? "Person" : "Relationship"}</th>
                    <th scope="col" className="px-2 py-1.5">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {[...preview.rows].sort((a, b) => Number(b.status === "error") - Number(a.status === "error") || a.row - b.row).map((r) => (
                    <tr key={r.row} className="border-t border-slate-100 align-top">
                      <td className="px-2 py-1.5 tabular-nums text-slate-500">{r.row}</td>
                      <td className="px-2 py-1.5">{r.label}</td>
                      <td className="px-2 py-1.5">
                        {r.status === "error" ? (
                          <ul className="space-y-0.5 text-xs text-red-700">
                            {r.errors.map((e, i) => (
                              <li key={i} className="flex gap-1">
                                <XCircle aria-hidden className="mt-0.5 h-3 w-3 shrink-0" />
                                <span>
                                  <code className="font-mono">{e.column}</code>: {e.message}
                                </span>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
                            <CheckCircle2 aria-hidden className="h-3 w-3" /> {r.status === "create" ? "Will be added" : "Will update"}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {errors > 0 && preview.fileErrors.length === 0 && (
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} className="mt-0.5" />
              <span>
                Skip the {errors} row{errors === 1 ? "" : "s"} with errors and import the other {writable}. Otherwise fix the file and choose it again: nothing is imported from a file with errors.
              </span>
            </label>
          )}
        </div>
      )}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={commit} disabled={!canImport || busy}>
          {busy && preview ? "Importing…" : `Import${writable ? ` ${writable} row${writable === 1 ? "" : "s"}` : ""}`}
        </Button>
      </div>
    </div>
  );
}
