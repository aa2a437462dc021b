/** Citizens' photos come from phone cameras; 10 MiB covers them before our own downscaling. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
