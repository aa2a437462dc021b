CREATE TABLE "skm_answers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skm_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"source" text NOT NULL,
	"invitation_id" bigint,
	"entered_by_id" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	"u1" smallint NOT NULL,
	"u2" smallint NOT NULL,
	"u3" smallint NOT NULL,
	"u4" smallint NOT NULL,
	"u5" smallint NOT NULL,
	"u6" smallint NOT NULL,
	"u7" smallint NOT NULL,
	"u8" smallint NOT NULL,
	"u9" smallint NOT NULL,
	"sex" text,
	"age_band" text,
	"education" text,
	"occupation" text,
	"suggestion" text,
	CONSTRAINT "skm_answers_invitation_id_unique" UNIQUE("invitation_id"),
	CONSTRAINT "skm_answers_scale" CHECK (u1 between 1 and 4 and u2 between 1 and 4 and u3 between 1 and 4 and u4 between 1 and 4 and u5 between 1 and 4 and u6 between 1 and 4 and u7 between 1 and 4 and u8 between 1 and 4 and u9 between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "skm_checkpoints" (
	"source" text PRIMARY KEY NOT NULL,
	"after_at" timestamp with time zone NOT NULL,
	"after_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skm_invitations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skm_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"case_kind" text NOT NULL,
	"case_ref" text NOT NULL,
	"token_hash" text NOT NULL,
	"channel" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "skm_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "skm_invitations_case" UNIQUE("case_kind","case_ref")
);
--> statement-breakpoint
CREATE TABLE "skm_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_periods_name_unique" UNIQUE("name"),
	CONSTRAINT "skm_periods_order" CHECK ("skm_periods"."starts_on" <= "skm_periods"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "skm_publications" (
	"period_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_id" uuid,
	CONSTRAINT "skm_publications_period_id_unit_id_pk" PRIMARY KEY("period_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "skm_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"name" text NOT NULL,
	"opd_id" integer,
	"public_key" text NOT NULL,
	"population" integer,
	CONSTRAINT "skm_units_public_key_unique" UNIQUE("public_key"),
	CONSTRAINT "skm_units_kind_ref" UNIQUE("kind","ref"),
	CONSTRAINT "skm_units_population" CHECK ("skm_units"."population" is null or "skm_units"."population" >= 0)
);
--> statement-breakpoint
ALTER TABLE "skm_answers" ADD CONSTRAINT "skm_answers_unit_id_skm_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."skm_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_answers" ADD CONSTRAINT "skm_answers_invitation_id_skm_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."skm_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_answers" ADD CONSTRAINT "skm_answers_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_invitations" ADD CONSTRAINT "skm_invitations_unit_id_skm_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."skm_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_invitations" ADD CONSTRAINT "skm_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_publications" ADD CONSTRAINT "skm_publications_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_publications" ADD CONSTRAINT "skm_publications_unit_id_skm_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."skm_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_publications" ADD CONSTRAINT "skm_publications_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_units" ADD CONSTRAINT "skm_units_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skm_answers_unit_idx" ON "skm_answers" USING btree ("unit_id","answered_at");--> statement-breakpoint
CREATE INDEX "skm_invitations_user_idx" ON "skm_invitations" USING btree ("user_id");