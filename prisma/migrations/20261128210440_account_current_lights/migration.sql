-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "currentLights" JSONB;

-- The current light per area, kept by the database on every insert into the (append-only) light
-- history, set-wise per statement (a bulk insert is one UPDATE). The key orders lights the way the
-- history does: latest setAt wins, on an exact tie the worse colour. The merge reads the account's
-- current value in the SET expression, so two concurrent inserts on one account both count.
CREATE FUNCTION "account_current_lights"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Account" a SET "currentLights" = (
    SELECT jsonb_object_agg(e.key, e.m) FROM (
      SELECT u.key, max(u.value::bigint) AS m FROM (
        SELECT * FROM jsonb_each_text(COALESCE(a."currentLights", '{}'::jsonb))
        UNION ALL
        SELECT * FROM jsonb_each_text(d.lights)
      ) u GROUP BY u.key
    ) e)
  FROM (
    SELECT k."accountId", jsonb_object_agg(k.area, k.key) AS lights FROM (
      SELECT n."accountId", n.area,
        max(floor(extract(epoch FROM n."setAt") * 1000)::bigint * 4 + CASE n.color WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 ELSE 3 END) AS key
      FROM new_rows n GROUP BY n."accountId", n.area
    ) k GROUP BY k."accountId"
  ) d
  WHERE a.id = d."accountId";
  RETURN NULL;
END $$;

CREATE TRIGGER "TrafficLight_current"
  AFTER INSERT ON "TrafficLight" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "account_current_lights"();

-- Existing history.
UPDATE "Account" a SET "currentLights" = d.lights
FROM (
  SELECT k."accountId", jsonb_object_agg(k.area, k.key) AS lights FROM (
    SELECT x."accountId", x.area,
      max(floor(extract(epoch FROM x."setAt") * 1000)::bigint * 4 + CASE x.color WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 ELSE 3 END) AS key
    FROM "TrafficLight" x GROUP BY x."accountId", x.area
  ) k GROUP BY k."accountId"
) d
WHERE a.id = d."accountId";
