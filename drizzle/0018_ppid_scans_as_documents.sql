ALTER TABLE "ppid_objections" DROP CONSTRAINT "ppid_objections_dispute_decision_id_uploads_id_fk";
--> statement-breakpoint
ALTER TABLE "ppid_requests" DROP CONSTRAINT "ppid_requests_power_of_attorney_id_uploads_id_fk";
--> statement-breakpoint
-- Scans are documents now (a photo is kept as a one-page PDF). PPID has not been released, so no
-- photo upload of the old kind is referenced anywhere; any that were are let go rather than moved.
UPDATE "ppid_objections" SET "dispute_decision_id" = NULL WHERE "dispute_decision_id" NOT IN (SELECT "id" FROM "documents");--> statement-breakpoint
UPDATE "ppid_requests" SET "power_of_attorney_id" = NULL WHERE "power_of_attorney_id" NOT IN (SELECT "id" FROM "documents");--> statement-breakpoint
ALTER TABLE "ppid_objections" ADD CONSTRAINT "ppid_objections_dispute_decision_id_documents_id_fk" FOREIGN KEY ("dispute_decision_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_requests" ADD CONSTRAINT "ppid_requests_power_of_attorney_id_documents_id_fk" FOREIGN KEY ("power_of_attorney_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;