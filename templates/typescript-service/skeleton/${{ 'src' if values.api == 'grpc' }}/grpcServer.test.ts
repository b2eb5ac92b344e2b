import test from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { bindGrpcServer, createGrpcServer, loadGreeterDefinition } from './grpcServer';
import { createLogger } from './logger';

test('Greeter.SayHello answers over gRPC and rejects over-long names', async () => {
  const server = createGrpcServer(createLogger('test', 'silent'));
  const port = await bindGrpcServer(server, 0);
  const Client = grpc.makeGenericClientConstructor(loadGreeterDefinition(), 'Greeter');
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as any;
  const call = (value: string) =>
    new Promise<{ value: string }>((resolve, reject) =>
      client.SayHello({ value }, (error: Error | null, reply: { value: string }) =>
        error ? reject(error) : resolve(reply),
      ),
    );
  try {
    assert.deepEqual(await call('Ada'), { value: 'Hello, Ada' });
    await assert.rejects(call('x'.repeat(101)), { code: grpc.status.INVALID_ARGUMENT });
  } finally {
    client.close();
    server.forceShutdown();
  }
});
