/**
 * @module bench/api-server
 * The server side of `bench:api`, run as its own process so that the load-generating clients
 * do not share (and slow) the server's event loop. Reports its URL to the parent over IPC and
 * exits when the parent disconnects. `--workers=N` serves from N processes sharing the port
 * (node:cluster), each with its own store connection; `--no-cache` turns the response cache off.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { startServer } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';

const path = process.argv[2];
const workers = Number(process.argv.find((a) => a.startsWith('--workers='))?.slice(10) ?? 1);
const cache = !process.argv.includes('--no-cache');

async function serveHere(port: number) {
  const store = await openStore(path);
  const server = await startServer({ store, port, host: '127.0.0.1', cache });
  return { url: server.url, close: () => server.close().then(() => store.close()) };
}

if (cluster.isPrimary) {
  if (!path || !process.send) throw new Error('usage: forked by bench/api.ts with the database path');
  if (workers <= 1) {
    const server = await serveHere(0);
    process.send({ url: server.url });
    process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  } else {
    const port = await new Promise<number>((done) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => done(p));
      });
    });
    let ready = 0;
    for (let i = 0; i < workers; i += 1) {
      cluster.fork({ BENCH_PORT: String(port) }).on('message', () => {
        ready += 1;
        if (ready === workers) process.send!({ url: `http://127.0.0.1:${port}/` });
      });
    }
    process.on('disconnect', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      process.exit(0);
    });
  }
} else {
  await serveHere(Number(process.env.BENCH_PORT));
  process.send!({ ready: true });
}
