"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ZAccountCreate } from "@/lib/accounts/schema";
import { STAGES, STAGE_LABELS } from "@/lib/accounts/stages";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";

type Person = { id: string; name: string; role: string };
type Input = z.input<typeof ZAccountCreate>;
type Output = z.output<typeof ZAccountCreate>;

export type AccountFormValues = {
  id?: string;
  version?: number;
  name: string;
  industry: string;
  region: string;
  stage: (typeof STAGES)[number];
  annualRevenue: string | number;
  annualMargin: string | number;
  description: string;
  ownerId: string;
  mentorId: string | null;
};

/** Create or edit an account. Edits send the version read, so a concurrent change gets a clear 409. */
export function AccountForm({ initial, people, canChangeOwner, canChangeMentor, onSaved }: { initial: AccountFormValues; people: Person[]; canChangeOwner: boolean; canChangeMentor: boolean; onSaved?: () => void }) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const { register, handleSubmit, setError, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(ZAccountCreate),
    defaultValues: { ...initial, mentorId: initial.mentorId ?? "" } as Input,
  });
  const errors = formState.errors;

  async function onSubmit(values: Output) {
    const body = { ...values, mentorId: values.mentorId || null };
    const outcome = changeToast("account-save");
    try {
      if (editing) {
        await api(`/api/accounts/${initial.id}`, { method: "PATCH", body: { ...body, version: initial.version } });
        outcome.done("Account saved");
        onSaved?.();
        router.refresh();
      } else {
        const created = await api<{ id: string }>("/api/accounts", { body });
        outcome.done("Account created");
        router.push(`/accounts/${created.id}`);
      }
    } catch (e) {
      if (e instanceof ApiError) {
        for (const [field, message] of Object.entries(e.fields)) setError(field as keyof Input, { message });
        outcome.failed(e.status === 409 ? "Someone else saved this account meanwhile. Reload to see their changes, then edit again." : e.message);
      } else throw e;
    }
  }

  const err = (k: keyof Input) => errors[k]?.message as string | undefined;
  const owners = people.filter((p) => p.role !== "MENTOR");
  const mentors = people.filter((p) => p.role === "MENTOR" || p.role === "SENIOR_MANAGER");

  return (
    <form onSubmit={handleSubmit(onSubmit)} className="grid gap-5 sm:grid-cols-2" noValidate>
      <Field label="Account name" htmlFor="name" error={err("name")} className="sm:col-span-2">
        <Input id="name" aria-invalid={Boolean(err("name"))} {...register("name")} />
      </Field>
      <Field label="Industry" htmlFor="industry" error={err("industry")}>
        <Input id="industry" aria-invalid={Boolean(err("industry"))} {...register("industry")} />
      </Field>
      <Field label="Region" htmlFor="region" error={err("region")}>
        <Input id="region" aria-invalid={Boolean(err("region"))} {...register("region")} />
      </Field>
      <Field label="Lifecycle stage" htmlFor="stage" error={err("stage")}>
        <Select id="stage" {...register("stage")}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Revenue this year (EUR)" htmlFor="annualRevenue" error={err("annualRevenue")}>
        <Input id="annualRevenue" inputMode="decimal" aria-invalid={Boolean(err("annualRevenue"))} {...register("annualRevenue")} />
      </Field>
      <Field label="Gross margin this year (EUR)" htmlFor="annualMargin" error={err("annualMargin")}>
        <Input id="annualMargin" inputMode="decimal" aria-invalid={Boolean(err("annualMargin"))} {...register("annualMargin")} />
      </Field>
      <Field label="Key account manager" htmlFor="ownerId" error={err("ownerId")} hint={canChangeOwner ? undefined : "Only a senior manager can hand an account over."}>
        <Select id="ownerId" disabled={!canChangeOwner} {...register("ownerId")}>
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Mentor" htmlFor="mentorId" error={err("mentorId")} hint={canChangeMentor ? "Reviews plans and major proposals." : "A senior manager assigns the mentor."}>
        <Select id="mentorId" disabled={!canChangeMentor} {...register("mentorId")}>
          <option value="">No mentor yet</option>
          {mentors.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Description" htmlFor="description" error={err("description")} className="sm:col-span-2">
        <Textarea id="description" rows={3} {...register("description")} />
      </Field>
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : editing ? "Save changes" : "Create account"}
        </Button>
      </div>
    </form>
  );
}
