export { PgStore } from './pg-store.js';
export { parsePgLocation } from './connection.js';
