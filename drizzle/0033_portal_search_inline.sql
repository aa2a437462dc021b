-- The portal's full-text column stays in the row (compressed) and the body goes to TOAST first:
-- a search that walks the newest items reads each one's vector from the row instead of from a
-- dozen TOAST pages (about 9× fewer pages read over 50,000 items; bench/portal.ts).
ALTER TABLE "portal_items" ALTER COLUMN "search" SET STORAGE MAIN;
