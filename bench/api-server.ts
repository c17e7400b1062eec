/**
 * @module bench/api-server
 * The server side of `bench:api`, run as its own process so that the load-generating clients
 * do not share (and slow) the server's event loop. Reports its URL to the parent over IPC and
 * exits when the parent disconnects.
 */
import { startServer } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';

const path = process.argv[2];
if (!path || !process.send) throw new Error('usage: forked by bench/api.ts with the database path');
const store = await openStore(path);
const server = await startServer({ store, port: 0, host: '127.0.0.1' });
process.send({ url: server.url });
process.on('disconnect', () => {
  void server.close().then(() => store.close()).then(() => process.exit(0));
});
