/**
 * Creates the first super admin of a deployment (PostgreSQL deployments get no default accounts):
 *   npm run create-admin -- --email admin@dumaikota.go.id --name "Nama Admin"
 * The password comes from KHIDMAT_ADMIN_PASSWORD, or a strong one is generated and printed once.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createContext } from '../bootstrap.js';
import { createStaff } from '../core/auth/service.js';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email || !values.name) {
  process.stderr.write('usage: npm run create-admin -- --email ADDRESS --name "FULL NAME"\n');
  process.exit(2);
}
const password = process.env.KHIDMAT_ADMIN_PASSWORD ?? crypto.randomBytes(12).toString('base64url');
if (password.length < 8) {
  process.stderr.write('KHIDMAT_ADMIN_PASSWORD must have at least 8 characters\n');
  process.exit(2);
}
const { ctx, database } = await createContext(loadConfig());
try {
  await createStaff(ctx, { fullName: values.name, email: values.email, role: 'super_admin', opdId: null, password });
  process.stdout.write(`Super admin ${values.email} created.${process.env.KHIDMAT_ADMIN_PASSWORD ? '' : ` Password: ${password}`}\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
