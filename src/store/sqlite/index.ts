export { SqliteStore, DEFAULT_EVENT_LIMIT } from './sqlite-store.js';
export { openDatabase, type Db } from './connection.js';
export { migrations, latestVersion } from './migrations.js';
