CREATE SEQUENCE "public"."ppid_registration_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ppid_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppid_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
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
CREATE TABLE "ppid_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppid_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"registration_number" text NOT NULL,
	"requester_id" uuid,
	"identity_type" text NOT NULL,
	"identity_encrypted" text NOT NULL,
	"identity_masked" text NOT NULL,
	"full_name" text NOT NULL,
	"entity_name" text,
	"address" text NOT NULL,
	"email" text,
	"phone" text,
	"on_behalf_of" text,
	"power_of_attorney_id" uuid,
	"information" text NOT NULL,
	"purpose" text NOT NULL,
	"obtain_method" text NOT NULL,
	"delivery_method" text NOT NULL,
	"channel" text NOT NULL,
	"recorded_by_id" uuid,
	"public_consent" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"opd_id" integer,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"verify_due_at" timestamp with time zone NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"extended_at" timestamp with time zone,
	"extension_reason" text,
	"answered_at" timestamp with time zone,
	"notice" text,
	"exemptions" text[],
	"consequence_test" text,
	"held_by" text,
	"cost_rupiah" integer,
	CONSTRAINT "ppid_requests_registration_number_unique" UNIQUE("registration_number")
);
--> statement-breakpoint
ALTER TABLE "ppid_events" ADD CONSTRAINT "ppid_events_request_id_ppid_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."ppid_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_events" ADD CONSTRAINT "ppid_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_requests" ADD CONSTRAINT "ppid_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_requests" ADD CONSTRAINT "ppid_requests_power_of_attorney_id_uploads_id_fk" FOREIGN KEY ("power_of_attorney_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_requests" ADD CONSTRAINT "ppid_requests_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ppid_requests" ADD CONSTRAINT "ppid_requests_opd_id_opds_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ppid_events_request_idx" ON "ppid_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "ppid_requests_queue_idx" ON "ppid_requests" USING btree ("status","answer_due_at");--> statement-breakpoint
CREATE INDEX "ppid_requests_opd_idx" ON "ppid_requests" USING btree ("opd_id","status");--> statement-breakpoint
CREATE INDEX "ppid_requests_requester_idx" ON "ppid_requests" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "ppid_requests_created_idx" ON "ppid_requests" USING btree ("created_at");