CREATE TABLE "emonev_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "emonev_activities_code" UNIQUE("programme_id","code")
);
--> statement-breakpoint
CREATE TABLE "emonev_complaint_links" (
	"sub_activity_id" integer NOT NULL,
	"tracking_number" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"linked_by_id" uuid,
	CONSTRAINT "emonev_complaint_links_sub_activity_id_tracking_number_pk" PRIMARY KEY("sub_activity_id","tracking_number")
);
--> statement-breakpoint
CREATE TABLE "emonev_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"opd_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emonev_programmes_code" UNIQUE("opd_id","year","code")
);
--> statement-breakpoint
CREATE TABLE "emonev_report_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emonev_report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "emonev_report_photos" (
	"report_id" integer NOT NULL,
	"upload_id" uuid NOT NULL,
	CONSTRAINT "emonev_report_photos_report_id_upload_id_pk" PRIMARY KEY("report_id","upload_id")
);
--> statement-breakpoint
CREATE TABLE "emonev_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_activity_id" integer NOT NULL,
	"month" smallint NOT NULL,
	"status" text NOT NULL,
	"physical_pct" double precision NOT NULL,
	"financial_rp" bigint NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"first_submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emonev_reports_month" UNIQUE("sub_activity_id","month"),
	CONSTRAINT "emonev_reports_month_range" CHECK ("emonev_reports"."month" between 1 and 12),
	CONSTRAINT "emonev_reports_physical" CHECK ("emonev_reports"."physical_pct" between 0 and 100),
	CONSTRAINT "emonev_reports_financial" CHECK ("emonev_reports"."financial_rp" >= 0)
);
--> statement-breakpoint
CREATE TABLE "emonev_sub_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"opd_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"budget" bigint NOT NULL,
	"output" text NOT NULL,
	"plan_physical" jsonb NOT NULL,
	"plan_financial" jsonb NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emonev_sub_activities_code" UNIQUE("activity_id","code"),
	CONSTRAINT "emonev_sub_activities_budget" CHECK ("emonev_sub_activities"."budget" >= 0)
);
--> statement-breakpoint
ALTER TABLE "emonev_activities" ADD CONSTRAINT "emonev_activities_programme_id_emonev_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."emonev_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_complaint_links" ADD CONSTRAINT "emonev_complaint_links_sub_activity_id_emonev_sub_activities_id_fk" FOREIGN KEY ("sub_activity_id") REFERENCES "public"."emonev_sub_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_complaint_links" ADD CONSTRAINT "emonev_complaint_links_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_programmes" ADD CONSTRAINT "emonev_programmes_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_report_events" ADD CONSTRAINT "emonev_report_events_report_id_emonev_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."emonev_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_report_events" ADD CONSTRAINT "emonev_report_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_report_photos" ADD CONSTRAINT "emonev_report_photos_report_id_emonev_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."emonev_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_report_photos" ADD CONSTRAINT "emonev_report_photos_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_reports" ADD CONSTRAINT "emonev_reports_sub_activity_id_emonev_sub_activities_id_fk" FOREIGN KEY ("sub_activity_id") REFERENCES "public"."emonev_sub_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_sub_activities" ADD CONSTRAINT "emonev_sub_activities_activity_id_emonev_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."emonev_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emonev_sub_activities" ADD CONSTRAINT "emonev_sub_activities_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emonev_complaint_links_tn_idx" ON "emonev_complaint_links" USING btree ("tracking_number");--> statement-breakpoint
CREATE INDEX "emonev_report_events_report_idx" ON "emonev_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "emonev_sub_activities_opd_idx" ON "emonev_sub_activities" USING btree ("opd_id","year");