/** Column types drizzle lacks, shared by every module's schema. */
import { customType } from 'drizzle-orm/pg-core';

/** A generated full-text column (`to_tsvector('indonesian', …)`), searched with websearch_to_tsquery. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
