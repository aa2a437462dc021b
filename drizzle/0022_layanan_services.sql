CREATE SEQUENCE "public"."layanan_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "layanan_application_files" (
	"application_id" bigint NOT NULL,
	"key" text NOT NULL,
	"document_id" uuid PRIMARY KEY NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "layanan_applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "layanan_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"service_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"opd_id" integer NOT NULL,
	"applicant_id" uuid,
	"applicant_opd_id" integer,
	"applicant_name" text NOT NULL,
	"nik_encrypted" text,
	"nik_masked" text,
	"phone" text,
	"email" text,
	"answers" jsonb NOT NULL,
	"status" text NOT NULL,
	"step_index" integer DEFAULT 0 NOT NULL,
	"step_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"channel" text NOT NULL,
	"assisted_by_id" uuid,
	"correction" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"signed_document_id" text,
	"document_number" text,
	"output_document_id" uuid,
	CONSTRAINT "layanan_applications_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "layanan_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "layanan_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" bigint NOT NULL,
	"step_key" text,
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
CREATE TABLE "layanan_service_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "layanan_service_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"service_id" integer NOT NULL,
	"version" integer NOT NULL,
	"form" jsonb NOT NULL,
	"requirements" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"output" jsonb NOT NULL,
	"note" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_id" uuid,
	CONSTRAINT "layanan_service_versions_unique" UNIQUE("service_id","version")
);
--> statement-breakpoint
CREATE TABLE "layanan_services" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "layanan_services_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"opd_id" integer NOT NULL,
	"audience" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"legal_basis" text NOT NULL,
	"fee_rupiah" integer DEFAULT 0 NOT NULL,
	"fee_note" text,
	"standard_days" integer NOT NULL,
	"current_version" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('indonesian', (name->>'id') || ' ' || (description->>'id') || ' ' || legal_basis)) STORED,
	CONSTRAINT "layanan_services_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "layanan_application_files" ADD CONSTRAINT "layanan_application_files_application_id_layanan_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."layanan_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_application_files" ADD CONSTRAINT "layanan_application_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_application_files" ADD CONSTRAINT "layanan_application_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_service_id_layanan_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."layanan_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_version_id_layanan_service_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."layanan_service_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_applicant_opd_id_opds_id_fk" FOREIGN KEY ("applicant_opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_assisted_by_id_users_id_fk" FOREIGN KEY ("assisted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_applications" ADD CONSTRAINT "layanan_applications_output_document_id_documents_id_fk" FOREIGN KEY ("output_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_events" ADD CONSTRAINT "layanan_events_application_id_layanan_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."layanan_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_events" ADD CONSTRAINT "layanan_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_service_versions" ADD CONSTRAINT "layanan_service_versions_service_id_layanan_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."layanan_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_service_versions" ADD CONSTRAINT "layanan_service_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layanan_services" ADD CONSTRAINT "layanan_services_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "layanan_application_files_key_idx" ON "layanan_application_files" USING btree ("application_id","key","uploaded_at");--> statement-breakpoint
CREATE INDEX "layanan_applications_inbox_idx" ON "layanan_applications" USING btree ("opd_id","status","step_index","step_due_at");--> statement-breakpoint
CREATE INDEX "layanan_applications_applicant_idx" ON "layanan_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "layanan_applications_applicant_opd_idx" ON "layanan_applications" USING btree ("applicant_opd_id");--> statement-breakpoint
CREATE INDEX "layanan_applications_service_idx" ON "layanan_applications" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "layanan_events_application_idx" ON "layanan_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "layanan_services_search_idx" ON "layanan_services" USING gin ("search");--> statement-breakpoint
CREATE INDEX "layanan_services_opd_idx" ON "layanan_services" USING btree ("opd_id");