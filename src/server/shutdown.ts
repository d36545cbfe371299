import type http from 'node:http';
import net, { type Socket } from 'node:net';
import createDebug from 'debug';

const log = createDebug('tradegraph:server:shutdown');

/**
 * How long a keep-alive connection with no request in flight is left open once the server
 * stops: a request the client already sent on it is answered (with `Connection: close`) rather
 * than cut; after this, or after its one last response, the connection is closed.
 */
const IDLE_LINGER_MS = 1000;

/** The keep-alive timeout advertised to clients (`Keep-Alive: timeout=5`, Node's default). */
export const ADVERTISED_KEEP_ALIVE_S = 5;

/**
 * How long an idle keep-alive connection is really kept: well past what is advertised. A client
 * reuses an idle connection until about the advertised timeout; if the server closed it at that
 * very time, a request sent just before would meet a closed socket ("fetch failed", ECONNRESET).
 * A busy server makes that likely: when its event loop resumes after a long piece of work, the
 * expired timer runs before the request waiting in the socket is read. Node keeps 1 s of slack
 * for this race (it closed such a connection at 6.1 s); CI on a busy machine still met it.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/**
 * Stops an HTTP server gracefully, within a grace period:
 *
 * - no new connections are accepted;
 * - every response from then on says `Connection: close`, and its connection is ended (not
 *   destroyed) once the response is finished, so everything written reaches the client first;
 * - a response in flight when the stop began is let finish, then its connection is ended the same
 *   way (a large answer is not cut at whatever the socket had flushed);
 * - a keep-alive connection with nothing in flight is ended after IDLE_LINGER_MS, unless a
 *   request arrives first (then after that request's response);
 * - at the end of the grace period, whatever is still open is destroyed.
 *
 * Node's own `server.close()` and Apollo's drain plugin destroy idle keep-alive connections at
 * once, which resets requests racing in on them and drops response bytes still in the socket's
 * buffer; this replaces them.
 */
export class GracefulShutdown {
  private readonly inFlight = new Map<Socket, number>();
  private stopping = false;
  private stopped: Promise<void> | null = null;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      this.inFlight.set(socket, 0);
      socket.once('close', () => this.inFlight.delete(socket));
    });
    // First, so the header is set before the application writes anything.
    server.prependListener('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const socket = request.socket;
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1);
      if (this.stopping && !response.headersSent) {
        response.setHeader('Connection', 'close');
      } else if (response.shouldKeepAlive && !response.headersSent) {
        // Given here, Node does not derive `Keep-Alive` from the longer real timeout (and still
        // decides `Connection` itself).
        response.setHeader('Keep-Alive', `timeout=${ADVERTISED_KEEP_ALIVE_S}`);
      }
      response.once('close', () => {
        const left = (this.inFlight.get(socket) ?? 1) - 1;
        this.inFlight.set(socket, left);
        if (this.stopping && left === 0) this.end(socket);
      });
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Stops the server; resolves once every connection is closed, or the grace period is over. */
  stop(graceMs: number): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.stopping = true;
      const deadline = setTimeout(() => {
        const open = [...this.inFlight.keys()];
        if (open.length > 0) log('grace period over: destroying %d connection(s)', open.length);
        for (const socket of open) socket.destroy();
      }, graceMs);
      deadline.unref();
      // net.Server's close, not http.Server's: that one destroys idle keep-alive connections
      // at once, resetting a request on its way in.
      net.Server.prototype.close.call(this.server, () => {
        clearTimeout(deadline);
        resolve();
      });
      const linger = setTimeout(
        () => {
          for (const [socket, count] of this.inFlight) if (count === 0) this.end(socket);
        },
        Math.min(IDLE_LINGER_MS, graceMs),
      );
      linger.unref();
    });
    return this.stopped;
  }

  /** Ends a connection after what was written to it has been sent. */
  private end(socket: Socket): void {
    if (socket.destroyed || socket.writableEnded) return;
    socket.end();
    // A client that never reads what is left would hold the connection: the deadline destroys it.
  }
}
