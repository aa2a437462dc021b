CREATE SEQUENCE "public"."kemiskinan_tracking_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "kemiskinan_assistance" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_assistance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"programme" text NOT NULL,
	"amount" bigint,
	"goods" text,
	"given_on" date NOT NULL,
	"given_by" text NOT NULL,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"public_message" text,
	"internal_note" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_photos" (
	"upload_id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" bigint NOT NULL,
	"visit_id" bigint
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_complaints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tracking_number" text NOT NULL,
	"household_id" bigint NOT NULL,
	"kelurahan_code" text NOT NULL,
	"need_category" text NOT NULL,
	"need_type" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"section" text,
	"filed_by_id" uuid,
	"channel" text NOT NULL,
	"citizen_id" uuid,
	"registered" boolean NOT NULL,
	"register_period" text,
	"register_decile" smallint,
	"register_programmes" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verify_due_at" timestamp with time zone,
	"routed_at" timestamp with time zone,
	"follow_up_due_at" timestamp with time zone,
	"first_action_at" timestamp with time zone,
	"resolve_due_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "kemiskinan_complaints_tracking_number_unique" UNIQUE("tracking_number")
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_deliberation_decisions" (
	"deliberation_id" bigint NOT NULL,
	"complaint_id" bigint NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	CONSTRAINT "kemiskinan_deliberation_decisions_deliberation_id_complaint_id_pk" PRIMARY KEY("deliberation_id","complaint_id")
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_deliberations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_deliberations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kelurahan_code" text NOT NULL,
	"held_on" date NOT NULL,
	"notes" text,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_households" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kk_hash" text NOT NULL,
	"kk_encrypted" text NOT NULL,
	"kk_masked" text NOT NULL,
	"head_name" text NOT NULL,
	"address" text NOT NULL,
	"kelurahan_code" text NOT NULL,
	"rt" text NOT NULL,
	"rw" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kemiskinan_households_kk_hash_unique" UNIQUE("kk_hash")
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_staff" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"section" text,
	"kelurahan_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"nik_hash" text NOT NULL,
	"nik_encrypted" text NOT NULL,
	"nik_masked" text NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_referrals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"opd_id" integer NOT NULL,
	"instruction" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid,
	"response" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_register" (
	"nik_hash" "bytea" PRIMARY KEY NOT NULL,
	"kk_hash" "bytea" NOT NULL,
	"kelurahan_code" text NOT NULL,
	"decile" smallint NOT NULL,
	"programmes" text[] NOT NULL,
	"period" text NOT NULL,
	"import_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_register_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_register_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"file_name" text NOT NULL,
	"file_key" text NOT NULL,
	"bytes_total" bigint NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"error" jsonb,
	"rematched" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_register_rejects" (
	"import_id" bigint NOT NULL,
	"line" integer NOT NULL,
	"code" text NOT NULL,
	"field" text,
	CONSTRAINT "kemiskinan_register_rejects_import_id_line_code_pk" PRIMARY KEY("import_id","line","code")
);
--> statement-breakpoint
CREATE TABLE "kemiskinan_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kemiskinan_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"assigned_by_id" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"instruction" text,
	"status" text DEFAULT 'assigned' NOT NULL,
	"visited_at" timestamp with time zone,
	"recorded_at" timestamp with time zone,
	"lat" double precision,
	"lng" double precision,
	"accuracy_m" double precision,
	"checklist" jsonb,
	"recommendation" text,
	"notes" text
);
--> statement-breakpoint
ALTER TABLE "kemiskinan_assistance" ADD CONSTRAINT "kemiskinan_assistance_complaint_id_kemiskinan_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."kemiskinan_complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_assistance" ADD CONSTRAINT "kemiskinan_assistance_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_events" ADD CONSTRAINT "kemiskinan_events_complaint_id_kemiskinan_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."kemiskinan_complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_events" ADD CONSTRAINT "kemiskinan_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_photos" ADD CONSTRAINT "kemiskinan_photos_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_photos" ADD CONSTRAINT "kemiskinan_photos_complaint_id_kemiskinan_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."kemiskinan_complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_complaints" ADD CONSTRAINT "kemiskinan_complaints_household_id_kemiskinan_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."kemiskinan_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_complaints" ADD CONSTRAINT "kemiskinan_complaints_kelurahan_code_kelurahan_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."kelurahan"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_complaints" ADD CONSTRAINT "kemiskinan_complaints_filed_by_id_users_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_complaints" ADD CONSTRAINT "kemiskinan_complaints_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_deliberation_decisions" ADD CONSTRAINT "kemiskinan_deliberation_decisions_deliberation_id_kemiskinan_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."kemiskinan_deliberations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_deliberation_decisions" ADD CONSTRAINT "kemiskinan_deliberation_decisions_complaint_id_kemiskinan_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."kemiskinan_complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_deliberations" ADD CONSTRAINT "kemiskinan_deliberations_kelurahan_code_kelurahan_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."kelurahan"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_deliberations" ADD CONSTRAINT "kemiskinan_deliberations_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_households" ADD CONSTRAINT "kemiskinan_households_kelurahan_code_kelurahan_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."kelurahan"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_staff" ADD CONSTRAINT "kemiskinan_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_staff" ADD CONSTRAINT "kemiskinan_staff_kelurahan_code_kelurahan_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."kelurahan"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_members" ADD CONSTRAINT "kemiskinan_members_household_id_kemiskinan_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."kemiskinan_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_referrals" ADD CONSTRAINT "kemiskinan_referrals_complaint_id_kemiskinan_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."kemiskinan_complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_referrals" ADD CONSTRAINT "kemiskinan_referrals_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_referrals" ADD CONSTRAINT "kemiskinan_referrals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_register_imports" ADD CONSTRAINT "kemiskinan_register_imports_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_register_rejects" ADD CONSTRAINT "kemiskinan_register_rejects_import_id_kemiskinan_register_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."kemiskinan_register_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_visits" ADD CONSTRAINT "kemiskinan_visits_complaint_id_kemiskinan_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."kemiskinan_complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_visits" ADD CONSTRAINT "kemiskinan_visits_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kemiskinan_visits" ADD CONSTRAINT "kemiskinan_visits_assigned_by_id_users_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kemiskinan_assistance_complaint_idx" ON "kemiskinan_assistance" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "kemiskinan_events_complaint_idx" ON "kemiskinan_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "kemiskinan_photos_complaint_idx" ON "kemiskinan_photos" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "kemiskinan_complaints_queue_idx" ON "kemiskinan_complaints" USING btree ("status","urgent","created_at");--> statement-breakpoint
CREATE INDEX "kemiskinan_complaints_household_idx" ON "kemiskinan_complaints" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "kemiskinan_complaints_kelurahan_idx" ON "kemiskinan_complaints" USING btree ("kelurahan_code","created_at");--> statement-breakpoint
CREATE INDEX "kemiskinan_complaints_created_idx" ON "kemiskinan_complaints" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "kemiskinan_complaints_citizen_idx" ON "kemiskinan_complaints" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "kemiskinan_deliberations_kelurahan_idx" ON "kemiskinan_deliberations" USING btree ("kelurahan_code","held_on");--> statement-breakpoint
CREATE INDEX "kemiskinan_households_kelurahan_idx" ON "kemiskinan_households" USING btree ("kelurahan_code");--> statement-breakpoint
CREATE INDEX "kemiskinan_members_household_idx" ON "kemiskinan_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "kemiskinan_members_nik_idx" ON "kemiskinan_members" USING btree ("nik_hash");--> statement-breakpoint
CREATE INDEX "kemiskinan_referrals_opd_idx" ON "kemiskinan_referrals" USING btree ("opd_id","status");--> statement-breakpoint
CREATE INDEX "kemiskinan_referrals_complaint_idx" ON "kemiskinan_referrals" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "kemiskinan_register_kk_idx" ON "kemiskinan_register" USING btree ("kk_hash");--> statement-breakpoint
CREATE INDEX "kemiskinan_visits_volunteer_idx" ON "kemiskinan_visits" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "kemiskinan_visits_complaint_idx" ON "kemiskinan_visits" USING btree ("complaint_id");