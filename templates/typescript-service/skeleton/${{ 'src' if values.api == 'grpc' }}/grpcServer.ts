import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { greet } from './greeting';
import { Logger } from './logger';

const PROTO_PATH = path.join(__dirname, '..', 'proto', 'greeter.proto');

type StringValue = { value: string };

/** Loads the Greeter service definition from proto/greeter.proto at runtime (no codegen step). */
export function loadGreeterDefinition(): grpc.ServiceDefinition {
  const packageDefinition = protoLoader.loadSync(PROTO_PATH, { defaults: true });
  const loaded = grpc.loadPackageDefinition(packageDefinition) as unknown as {
    paved: { greeter: { v1: { Greeter: grpc.ServiceClientConstructor } } };
  };
  return loaded.paved.greeter.v1.Greeter.service;
}

export function createGrpcServer(logger: Logger): grpc.Server {
  const server = new grpc.Server();
  server.addService(loadGreeterDefinition(), {
    SayHello(
      call: grpc.ServerUnaryCall<StringValue, StringValue>,
      callback: grpc.sendUnaryData<StringValue>,
    ) {
      try {
        callback(null, { value: greet(call.request.value) });
      } catch (error) {
        logger.info({ rpc: 'SayHello', error: (error as Error).message }, 'invalid request');
        callback({ code: grpc.status.INVALID_ARGUMENT, details: (error as Error).message });
      }
    },
  });
  return server;
}

/** Binds the server and resolves with the bound port (useful with port 0 in tests). */
export function bindGrpcServer(server: grpc.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`0.0.0.0:${port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    );
  });
}
