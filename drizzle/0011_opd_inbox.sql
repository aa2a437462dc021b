-- Dispositions carry their report's arrival, so an OPD's inbox is read in the lists' order from one index.
ALTER TABLE "dispositions" ADD COLUMN "report_created_at" timestamp with time zone;--> statement-breakpoint
UPDATE "dispositions" d SET "report_created_at" = r."created_at" FROM "reports" r WHERE r."id" = d."report_id";--> statement-breakpoint
-- An instance of the previous release, still running while a deploy rolls on, inserts dispositions
-- without it: a trigger fills it from the report then (and never when the insert gives it).
CREATE OR REPLACE FUNCTION fill_disposition_report_created_at() RETURNS trigger AS $$
BEGIN
  SELECT created_at INTO NEW.report_created_at FROM reports WHERE id = NEW.report_id;
  RETURN NEW;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dispositions_report_created_at BEFORE INSERT ON dispositions
  FOR EACH ROW WHEN (NEW.report_created_at IS NULL) EXECUTE FUNCTION fill_disposition_report_created_at();--> statement-breakpoint
ALTER TABLE "dispositions" ALTER COLUMN "report_created_at" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dispositions_opd_active_idx" ON "dispositions" USING btree ("opd_id","report_created_at","report_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "reports_dispositioned_created_idx" ON "reports" USING btree ("created_at") WHERE dispositioned_at is not null;
