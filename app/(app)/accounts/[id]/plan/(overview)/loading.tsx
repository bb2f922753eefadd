export { PlanSkeleton as default } from "@/components/plans/plan-skeleton";
