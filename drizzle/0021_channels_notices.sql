CREATE TABLE "channel_conversations" (
	"phone" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"draft" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_inbound_seen" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_statuses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delivery_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"outbox_id" bigint,
	"channel" text NOT NULL,
	"provider_message_id" text,
	"status" text NOT NULL,
	"error" text,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_contacts" (
	"phone" text PRIMARY KEY NOT NULL,
	"opted_out_at" timestamp with time zone,
	"last_inbound_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_recipient";--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "assisted_by_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notice_channel" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "template" jsonb;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
CREATE INDEX "channel_conversations_updated_idx" ON "channel_conversations" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "channel_inbound_seen_received_idx" ON "channel_inbound_seen" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "delivery_statuses_outbox_idx" ON "delivery_statuses" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "delivery_statuses_provider_idx" ON "delivery_statuses" USING btree ("provider_message_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assisted_by_id_users_id_fk" FOREIGN KEY ("assisted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_provider_message_idx" ON "outbox" USING btree ("provider_message_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_recipient" CHECK ("outbox"."user_id" is not null or "outbox"."channel" <> 'in_app');