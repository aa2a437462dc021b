import type { Config } from '../config.js';
import type { Calendar } from './calendar/calendar.js';
import type { FieldCipher } from './crypto/secrets.js';
import type { Db, DatabaseKind } from './db/client.js';
import type { Listen } from './db/listen.js';
import type { FileStorage } from './files/storage.js';

/** What every service needs, built once at start-up (or per test) and passed down explicitly. */
export interface AppContext {
  config: Config;
  db: Db;
  dbKind: DatabaseKind;
  listen: Listen;
  cipher: FieldCipher;
  storage: FileStorage;
  calendar: Calendar;
  /** Injected so that demo data and tests can act at other moments than now. */
  clock: () => Date;
}
