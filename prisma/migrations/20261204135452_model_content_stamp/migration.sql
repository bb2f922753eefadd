-- AlterTable
ALTER TABLE "SelectionModel" ADD COLUMN     "contentStamp" TEXT NOT NULL DEFAULT (gen_random_uuid())::text;

-- A new stamp with every statement that writes the criteria or the tiers, whoever writes them (a
-- model save, a seed, a hand-made change): the scorecard keeps the criteria and tiers in memory and
-- reads them again whenever the stamp it holds is not the current one. Set-wise, once per
-- statement; in the writing transaction, so a reader sees the new rows and the new stamp together.
CREATE FUNCTION "selection_model_content_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SelectionModel" SET "contentStamp" = gen_random_uuid()::text;
  RETURN NULL;
END $$;

CREATE TRIGGER "ScoringCriterion_contentStamp"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScoringCriterion"
  FOR EACH STATEMENT EXECUTE FUNCTION "selection_model_content_stamp"();

CREATE TRIGGER "Tier_contentStamp"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Tier"
  FOR EACH STATEMENT EXECUTE FUNCTION "selection_model_content_stamp"();
