"use client";

// Asking the mentor to review a proposal (again, after a revision).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";

export function AskProposalReview({ proposalId, title, again }: { proposalId: string; title: string; again: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function ask() {
    const outcome = changeToast("proposal-review-request");
    setBusy(true);
    try {
      const review = await api<{ id: string }>("/api/reviews", { body: { subject: { type: "proposal", id: proposalId } } });
      outcome.done("The mentor has been asked to review it");
      router.push(`/reviews/${review.id}`);
    } catch (e) {
      outcome.failedWith(e, "Could not ask for the review");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="sm" variant={again ? "primary" : "secondary"} onClick={ask} disabled={busy} aria-label={`Ask for a review of ${title}`}>
      <Send aria-hidden className="h-3.5 w-3.5" /> {again ? "Ask for review again" : "Ask for review"}
    </Button>
  );
}
