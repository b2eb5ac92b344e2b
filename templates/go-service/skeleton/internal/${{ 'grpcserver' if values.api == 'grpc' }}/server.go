// Package grpcserver serves the Greeter gRPC API (proto/greeter.proto) and the standard gRPC
// health service.
//
// The API uses protobuf's well-known wrapper types, so the service descriptor below is written by
// hand and no code generation is needed; switch to buf/protoc-generated code when the API gets its
// own messages.
package grpcserver

import (
	"context"
	"log/slog"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"${{ values.goModule }}/internal/greeting"
)

// SayHelloMethod is the full gRPC method name of Greeter.SayHello.
const SayHelloMethod = "/paved.greeter.v1.Greeter/SayHello"

// GreeterServer is the Greeter service.
type GreeterServer interface {
	SayHello(ctx context.Context, name *wrapperspb.StringValue) (*wrapperspb.StringValue, error)
}

type greeter struct {
	logger *slog.Logger
}

func (g greeter) SayHello(_ context.Context, name *wrapperspb.StringValue) (*wrapperspb.StringValue, error) {
	message, err := greeting.Greet(name.GetValue())
	if err != nil {
		g.logger.Info("invalid request", "rpc", "SayHello", "error", err.Error())
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return wrapperspb.String(message), nil
}

func sayHelloHandler(srv any, ctx context.Context, decode func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
	in := new(wrapperspb.StringValue)
	if err := decode(in); err != nil {
		return nil, err
	}
	if interceptor == nil {
		return srv.(GreeterServer).SayHello(ctx, in)
	}
	info := &grpc.UnaryServerInfo{Server: srv, FullMethod: SayHelloMethod}
	return interceptor(ctx, in, info, func(ctx context.Context, req any) (any, error) {
		return srv.(GreeterServer).SayHello(ctx, req.(*wrapperspb.StringValue))
	})
}

var greeterServiceDesc = grpc.ServiceDesc{
	ServiceName: "paved.greeter.v1.Greeter",
	HandlerType: (*GreeterServer)(nil),
	Methods:     []grpc.MethodDesc{{MethodName: "SayHello", Handler: sayHelloHandler}},
	Streams:     []grpc.StreamDesc{},
	Metadata:    "proto/greeter.proto",
}

// New builds the gRPC server with the Greeter and health services registered.
func New(logger *slog.Logger) *grpc.Server {
	server := grpc.NewServer()
	server.RegisterService(&greeterServiceDesc, greeter{logger: logger})
	healthServer := health.NewServer()
	healthServer.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(server, healthServer)
	return server
}
