CREATE TABLE "dashboard_day_figures" (
	"day" date PRIMARY KEY NOT NULL,
	"calendar" text NOT NULL,
	"through" bigint NOT NULL,
	"figures" jsonb NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
