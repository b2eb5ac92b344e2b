/*
 * TLS in front of the built backend for `make prod-check`, as a load balancer or ingress
 * terminates it in production: the portal's base URL is https (so Backstage marks its session
 * cookies Secure), the backend itself serves plain HTTP on its own port, and its calls to itself
 * go there directly. Bytes are passed through unchanged, so streaming and keep-alive behave as
 * behind any TCP-level terminator.
 *
 *   node tlsTerminator.mjs <listen port> <backend port> <cert.pem> <key.pem>
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

const [listenPort, backendPort, certFile, keyFile] = process.argv.slice(2);
if (!listenPort || !backendPort || !certFile || !keyFile) {
  throw new Error(
    'usage: tlsTerminator.mjs <listen port> <backend port> <cert.pem> <key.pem>',
  );
}

const server = tls.createServer(
  { cert: readFileSync(certFile), key: readFileSync(keyFile) },
  client => {
    const backend = net.connect(Number(backendPort), '127.0.0.1');
    client.pipe(backend).pipe(client);
    // Either side closing or failing ends the other (a browser leaving, the backend stopping).
    client.on('error', () => backend.destroy());
    backend.on('error', () => client.destroy());
  },
);
server.listen(Number(listenPort), '127.0.0.1', () => {
  process.stdout.write(
    `TLS on 127.0.0.1:${listenPort} -> http://127.0.0.1:${backendPort}\n`,
  );
});
