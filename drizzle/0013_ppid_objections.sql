CREATE TABLE "ppid_objections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppid_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"reasons" text[] NOT NULL,
	"statement" text NOT NULL,
	"status" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"dispute_due_at" timestamp with time zone,
	"dispute_filed_at" timestamp with time zone,
	"dispute_register" text,
	"hearings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dispute_outcome" text,
	"dispute_decided_at" timestamp with time zone,
	"dispute_summary" text,
	"dispute_decision_id" uuid,
	CONSTRAINT "ppid_objections_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
ALTER TABLE "ppid_objections" ADD CONSTRAINT "ppid_objections_request_id_ppid_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."ppid_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_objections" ADD CONSTRAINT "ppid_objections_dispute_decision_id_uploads_id_fk" FOREIGN KEY ("dispute_decision_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ppid_objections_queue_idx" ON "ppid_objections" USING btree ("status","answer_due_at");