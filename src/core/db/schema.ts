// Every table of the platform, for Drizzle's relational typing and for drizzle-kit's migrations.
export * from '../reference/schema.js';
export * from '../auth/schema.js';
export * from '../audit/schema.js';
export * from '../notifications/schema.js';
export * from '../files/schema.js';
export * from '../idempotency/schema.js';
export * from '../account/schema.js';
export * from '../../aduan/schema.js';
export * from '../../open311/schema.js';
export * from '../../kemiskinan/schema.js';
