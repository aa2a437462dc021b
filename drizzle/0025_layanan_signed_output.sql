ALTER TABLE "layanan_applications" DROP CONSTRAINT "layanan_applications_output_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "layanan_applications" DROP COLUMN "output_document_id";