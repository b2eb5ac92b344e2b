/*
 * A TCP relay in front of PostgreSQL that can be closed: while closed it accepts connections but
 * forwards nothing, so whoever connects through it waits. The bench puts one in front of each
 * replica's sandbox provider to hold a provisioning request mid-flight on the replica that took
 * it, which tells the bench which replica to kill.
 */
import net from 'net';

export class Gate {
  private server?: net.Server;
  private open = true;
  private readonly waiting: Array<() => void> = [];
  /** Connections that arrived while the gate was closed, since it was last closed. */
  heldConnections = 0;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async listen(): Promise<void> {
    this.server = net.createServer(client => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  close() {
    this.open = false;
    this.heldConnections = 0;
  }

  reopen() {
    this.open = true;
    for (const release of this.waiting.splice(0)) release();
  }

  async shutdown(): Promise<void> {
    this.reopen();
    await new Promise<void>(resolve => {
      if (!this.server) resolve();
      else this.server.close(() => resolve());
    });
  }

  private relay(client: net.Socket) {
    client.pause();
    client.on('error', () => client.destroy());
    const connect = () => {
      if (client.destroyed) return;
      const upstream = net.connect(this.target.port, this.target.host);
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    };
    if (this.open) {
      connect();
    } else {
      this.heldConnections++;
      this.waiting.push(connect);
    }
  }
}
