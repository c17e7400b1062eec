/**
 * @module cli/commands/serve/serve-until-stopped
 * Runs the API + dashboard server until SIGINT/SIGTERM, then closes it cleanly. Shared by
 * `detente serve` and `detente demo` (which serves the samples it has just ingested).
 */
import { startServer, type ServerOptions } from '../../../api/server.js';

/** Resolves when the server has been stopped by a signal. `onListening` gets the URL. */
export async function serveUntilStopped(options: ServerOptions, onListening: (url: string) => void): Promise<void> {
  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${options.port} is already in use; pick another with --port`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`cannot listen on ${options.host}: no such local address (--host)`);
    throw error;
  }
  onListening(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}
