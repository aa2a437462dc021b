CREATE TABLE "satudata_datasets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "satudata_datasets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"uid" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"opd_id" integer NOT NULL,
	"topic" text NOT NULL,
	"frequency" text NOT NULL,
	"period" text NOT NULL,
	"unit" text NOT NULL,
	"variables" jsonb NOT NULL,
	"license_id" text DEFAULT 'CC-BY-4.0' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"platform_key" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_version_id" bigint,
	"published_at" timestamp with time zone,
	"years" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('indonesian', title || ' ' || description)) STORED,
	CONSTRAINT "satudata_datasets_name_unique" UNIQUE("name"),
	CONSTRAINT "satudata_datasets_uid_unique" UNIQUE("uid"),
	CONSTRAINT "satudata_datasets_platform_key_unique" UNIQUE("platform_key")
);
--> statement-breakpoint
CREATE TABLE "satudata_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "satudata_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dataset_id" bigint NOT NULL,
	"version_id" bigint,
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
CREATE TABLE "satudata_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" bigint NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"mime" text NOT NULL,
	"file_key" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satudata_resources_file_key_unique" UNIQUE("file_key")
);
--> statement-breakpoint
CREATE TABLE "satudata_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "satudata_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dataset_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"variables" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"diff" jsonb,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"return_reasons" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "satudata_datasets" ADD CONSTRAINT "satudata_datasets_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_datasets" ADD CONSTRAINT "satudata_datasets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_events" ADD CONSTRAINT "satudata_events_dataset_id_satudata_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."satudata_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_events" ADD CONSTRAINT "satudata_events_version_id_satudata_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."satudata_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_events" ADD CONSTRAINT "satudata_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_resources" ADD CONSTRAINT "satudata_resources_version_id_satudata_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."satudata_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_versions" ADD CONSTRAINT "satudata_versions_dataset_id_satudata_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."satudata_datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_versions" ADD CONSTRAINT "satudata_versions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satudata_versions" ADD CONSTRAINT "satudata_versions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "satudata_datasets_search_idx" ON "satudata_datasets" USING gin ("search");--> statement-breakpoint
CREATE INDEX "satudata_datasets_opd_idx" ON "satudata_datasets" USING btree ("opd_id");--> statement-breakpoint
CREATE INDEX "satudata_datasets_published_idx" ON "satudata_datasets" USING btree ("modified_at","id") WHERE published_version_id is not null;--> statement-breakpoint
CREATE INDEX "satudata_events_dataset_idx" ON "satudata_events" USING btree ("dataset_id","at");--> statement-breakpoint
CREATE INDEX "satudata_resources_version_idx" ON "satudata_resources" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "satudata_versions_number_idx" ON "satudata_versions" USING btree ("dataset_id","number");--> statement-breakpoint
CREATE INDEX "satudata_versions_status_idx" ON "satudata_versions" USING btree ("status","submitted_at");