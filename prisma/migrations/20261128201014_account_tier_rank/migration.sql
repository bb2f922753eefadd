-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "tierRank" INTEGER;

-- CreateIndex
CREATE INDEX "Account_tierRank_score_idx" ON "Account"("tierRank", "score");

-- The served tier's rank, kept in step by the database itself: whoever writes an account's
-- computed or override tier (the scoring service, a model save's set-wise re-tiering, the seeds),
-- and whenever a tier's rank changes or a tier is deleted (its accounts' tier ids go NULL).
CREATE FUNCTION "account_tier_rank"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."tierRank" := (SELECT t."rank" FROM "Tier" t WHERE t."id" = COALESCE(NEW."overrideTierId", NEW."computedTierId"));
  RETURN NEW;
END $$;

CREATE TRIGGER "Account_tierRank"
  BEFORE INSERT OR UPDATE OF "computedTierId", "overrideTierId" ON "Account"
  FOR EACH ROW EXECUTE FUNCTION "account_tier_rank"();

CREATE FUNCTION "tier_rank_to_accounts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Account" SET "tierRank" = NEW."rank"
   WHERE COALESCE("overrideTierId", "computedTierId") = NEW."id" AND "tierRank" IS DISTINCT FROM NEW."rank";
  RETURN NULL;
END $$;

CREATE TRIGGER "Tier_rank"
  AFTER UPDATE OF "rank" ON "Tier"
  FOR EACH ROW WHEN (OLD."rank" IS DISTINCT FROM NEW."rank")
  EXECUTE FUNCTION "tier_rank_to_accounts"();

-- Existing accounts.
UPDATE "Account" a SET "tierRank" = t."rank"
  FROM "Tier" t WHERE t."id" = COALESCE(a."overrideTierId", a."computedTierId");
