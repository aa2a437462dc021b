CREATE TABLE "ppid_catalogue_documents" (
	"item_id" bigint NOT NULL,
	"document_id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ppid_catalogue_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppid_catalogue_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
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
CREATE TABLE "ppid_catalogue_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppid_catalogue_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"opd_id" integer NOT NULL,
	"class" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"responsible" text NOT NULL,
	"format" text NOT NULL,
	"period" text NOT NULL,
	"retention" text NOT NULL,
	"exemption" text,
	"legal_basis" text,
	"consequence_test" text,
	"status" text NOT NULL,
	"replaces_id" bigint,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('indonesian', title || ' ' || summary)) STORED,
	CONSTRAINT "ppid_catalogue_exempt_reason" CHECK ("ppid_catalogue_items"."class" <> 'dikecualikan' or ("ppid_catalogue_items"."exemption" is not null and "ppid_catalogue_items"."legal_basis" is not null and "ppid_catalogue_items"."consequence_test" is not null))
);
--> statement-breakpoint
ALTER TABLE "ppid_catalogue_documents" ADD CONSTRAINT "ppid_catalogue_documents_item_id_ppid_catalogue_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ppid_catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_catalogue_documents" ADD CONSTRAINT "ppid_catalogue_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_catalogue_events" ADD CONSTRAINT "ppid_catalogue_events_item_id_ppid_catalogue_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ppid_catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_catalogue_events" ADD CONSTRAINT "ppid_catalogue_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_catalogue_items" ADD CONSTRAINT "ppid_catalogue_items_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_catalogue_items" ADD CONSTRAINT "ppid_catalogue_items_replaces_id_ppid_catalogue_items_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."ppid_catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_catalogue_items" ADD CONSTRAINT "ppid_catalogue_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ppid_catalogue_documents_item_idx" ON "ppid_catalogue_documents" USING btree ("item_id","position");--> statement-breakpoint
CREATE INDEX "ppid_catalogue_events_item_idx" ON "ppid_catalogue_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "ppid_catalogue_search_idx" ON "ppid_catalogue_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "ppid_catalogue_status_idx" ON "ppid_catalogue_items" USING btree ("status","opd_id");--> statement-breakpoint
CREATE INDEX "ppid_catalogue_replaces_idx" ON "ppid_catalogue_items" USING btree ("replaces_id");