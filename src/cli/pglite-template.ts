/**
 * Part of `npm run build`: makes the empty PGlite data directory a first start copies
 * (dist/pglite-template), so the server itself never runs PGlite's initdb (~850 MB RSS).
 */
import { makePgliteTemplate, PGLITE_TEMPLATE_DIR } from '../core/db/pglite-template.js';

await makePgliteTemplate();
process.stdout.write(`PGlite template data directory: ${PGLITE_TEMPLATE_DIR}\n`);
