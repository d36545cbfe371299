import net from 'node:net';

/*
 * A TCP proxy in front of a real server that a test can take away and bring back, as if the
 * server's process died and was started again: `stop()` closes every connection through it in both
 * directions and stops listening, so new connections are refused; `start()` listens again on the
 * same port. What a client sees is what the kernel does when a process dies (its sockets closed,
 * its port refusing), without the cost of stopping and starting the server itself.
 */

export interface FaultProxy {
  /** The port it listens on (reserved when it was made, kept across `stop` and `start`). */
  readonly port: number;
  /** Whether it accepts connections now. */
  readonly listening: boolean;
  /** Connections open through it now. */
  readonly open: number;
  /** Listens on `port` again; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops listening and closes every connection through it; resolves once all are closed and the port is free. */
  stop(): Promise<void>;
}

export interface FaultProxyOptions {
  /** Where connections go. */
  readonly target: { readonly host: string; readonly port: number };
  /** Listen from the start (default) or only once `start()` is called. */
  readonly listening?: boolean;
}

/** A loopback proxy to `target` on a free port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;

  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset or a refused upstream ends the pair; the error itself is what the client sees.
    socket.on('error', () => undefined);
  };

  const accept = (client: net.Socket): void => {
    const upstream = net.connect(options.target.port, options.target.host);
    track(client);
    track(upstream);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = async (port: number): Promise<net.Server> => {
    const listener = net.createServer(accept);
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, '127.0.0.1', () => {
        listener.off('error', reject);
        resolve();
      });
    });
    return listener;
  };

  const first = await listen(0);
  const port = (first.address() as net.AddressInfo).port;
  server = first;

  const proxy: FaultProxy = {
    port,
    get listening() {
      return server !== undefined;
    },
    get open() {
      return sockets.size;
    },
    async start() {
      if (server) return;
      server = await listen(port);
    },
    async stop() {
      const listener = server;
      server = undefined;
      if (!listener) return;
      const closed = [new Promise<void>((resolve) => listener.close(() => resolve()))];
      for (const socket of sockets) {
        closed.push(new Promise<void>((resolve) => socket.once('close', () => resolve())));
        socket.destroy();
      }
      await Promise.all(closed);
    },
  };
  if (options.listening === false) await proxy.stop();
  return proxy;
}
