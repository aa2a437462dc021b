CREATE TABLE "portal_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"version" integer NOT NULL,
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
CREATE TABLE "portal_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"image_upload_id" uuid,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"since" timestamp with time zone,
	"expected_end" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"claim" text,
	"verdict" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid,
	"edited_by_id" uuid,
	"checked_by_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary || ' ' || coalesce(claim, '')), 'B') || setweight(to_tsvector('indonesian', body), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "portal_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"text" jsonb NOT NULL,
	"edited_by_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_events" ADD CONSTRAINT "portal_events_item_id_portal_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."portal_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_events" ADD CONSTRAINT "portal_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_image_upload_id_uploads_id_fk" FOREIGN KEY ("image_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_checked_by_id_users_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_versions" ADD CONSTRAINT "portal_versions_item_id_portal_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."portal_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_versions" ADD CONSTRAINT "portal_versions_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_events_item_idx" ON "portal_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_items_slug_idx" ON "portal_items" USING btree ("kind","slug");--> statement-breakpoint
CREATE INDEX "portal_items_search_idx" ON "portal_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "portal_items_public_idx" ON "portal_items" USING btree ("kind","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "portal_items_public_all_idx" ON "portal_items" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "portal_items_desk_idx" ON "portal_items" USING btree ("status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_versions_number_idx" ON "portal_versions" USING btree ("item_id","number");