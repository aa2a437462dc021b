/**
 * layanan's read model: the tables other modules may read, never write. The satisfaction survey
 * (skm) reads the catalogue to keep one survey unit per service (following renames) and the issued
 * applications to invite their applicants; every change goes through layanan's own services.
 */
export { layananApplications, layananServices } from './schema.js';
