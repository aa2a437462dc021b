CREATE TABLE "signed_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"document_number" text NOT NULL,
	"title" text NOT NULL,
	"issuer_opd_id" integer NOT NULL,
	"holder_masked" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"sha256" text NOT NULL,
	"signer_cert_sha256" text NOT NULL,
	"signer_subject" text NOT NULL,
	"file_key" text NOT NULL,
	"bytes" integer NOT NULL,
	"module" text NOT NULL,
	"subject_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revocation_reason" text,
	CONSTRAINT "signed_documents_code_unique" UNIQUE("code"),
	CONSTRAINT "signed_documents_file_key_unique" UNIQUE("file_key")
);
--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_issuer_opd_id_opds_id_fk" FOREIGN KEY ("issuer_opd_id") REFERENCES "public"."opds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signed_documents_subject_idx" ON "signed_documents" USING btree ("module","subject_id");