import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface RecordedRequest {
  method: string;
  url: string;
  contentType?: string;
  authorization?: string;
  body: string;
}

/**
 * Just enough of a Kubernetes API server for the generic object client: discovery of the
 * database.paved.dev group, server-side apply, and reads of a PostgreSQLInstance whose status the
 * test sets; PostgreSQLSnapshots are kept under `snapshots:<namespace>/<name>`.
 */
export async function startFakeApiServer() {
  const requests: RecordedRequest[] = [];
  const objects = new Map<string, any>();
  let liveStatus: any = undefined;
  let failure: { code: number; message: string } | undefined;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      requests.push({
        method: req.method!,
        url: req.url!,
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body,
      });
      // A header an API server may send back (e.g. the token's audience): never to be reported.
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          'x-echo-audience': 'secret-audience',
        });
        res.end(JSON.stringify(payload));
      };
      const url = new URL(req.url!, 'http://localhost');
      if (url.pathname === '/apis/database.paved.dev/v1alpha1') {
        reply(200, {
          kind: 'APIResourceList',
          groupVersion: 'database.paved.dev/v1alpha1',
          resources: [
            {
              name: 'postgresqlinstances',
              singularName: 'postgresqlinstance',
              namespaced: true,
              kind: 'PostgreSQLInstance',
              verbs: ['get', 'list', 'patch', 'delete'],
            },
            {
              name: 'postgresqlsnapshots',
              singularName: 'postgresqlsnapshot',
              namespaced: true,
              kind: 'PostgreSQLSnapshot',
              verbs: ['get', 'list', 'patch', 'delete'],
            },
          ],
        });
        return;
      }
      if (failure) {
        reply(failure.code, { kind: 'Status', status: 'Failure', ...failure });
        return;
      }
      const match = url.pathname.match(
        /^\/apis\/database\.paved\.dev\/v1alpha1\/namespaces\/([^/]+)\/(postgresqlinstances|postgresqlsnapshots)\/([^/]+)$/,
      );
      if (!match) {
        reply(404, {
          kind: 'Status',
          code: 404,
          message: `no route ${url.pathname}`,
        });
        return;
      }
      const [, namespace, plural, name] = match;
      const key = `${
        plural === 'postgresqlsnapshots' ? 'snapshots:' : ''
      }${namespace}/${name}`;
      if (req.method === 'PATCH') {
        const applied = JSON.parse(body);
        objects.set(key, applied);
        reply(200, applied);
      } else if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) {
          reply(404, {
            kind: 'Status',
            code: 404,
            reason: 'NotFound',
            message: `${plural} "${name}" not found`,
          });
        } else {
          reply(200, { ...object, status: liveStatus });
        }
      } else if (req.method === 'DELETE') {
        const existed = objects.delete(key);
        reply(existed ? 200 : 404, {
          kind: 'Status',
          code: existed ? 200 : 404,
        });
      } else {
        reply(405, {});
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    objects,
    setStatus(status: any) {
      liveStatus = status;
    },
    /** Every request but discovery answers this Status from now on (undefined: back to normal). */
    fail(next?: { code: number; message: string }) {
      failure = next;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
