package grpcserver

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func TestSayHello(t *testing.T) {
	listener := bufconn.Listen(1 << 20)
	server := New(slog.New(slog.NewJSONHandler(io.Discard, nil)))
	go func() { _ = server.Serve(listener) }()
	defer server.Stop()

	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return listener.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	reply := new(wrapperspb.StringValue)
	if err := conn.Invoke(context.Background(), SayHelloMethod, wrapperspb.String("Ada"), reply); err != nil {
		t.Fatal(err)
	}
	if reply.GetValue() != "Hello, Ada" {
		t.Fatalf("SayHello(Ada) = %q", reply.GetValue())
	}
	err = conn.Invoke(context.Background(), SayHelloMethod, wrapperspb.String(strings.Repeat("x", 101)), reply)
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("over-long name: got %v, want InvalidArgument", err)
	}
}
