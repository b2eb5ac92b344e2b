package greeting

import (
	"strings"
	"testing"
)

func TestGreet(t *testing.T) {
	cases := map[string]string{"Ada": "Hello, Ada", "": "Hello, world", "  ": "Hello, world"}
	for name, want := range cases {
		got, err := Greet(name)
		if err != nil || got != want {
			t.Errorf("Greet(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := Greet(strings.Repeat("x", MaxNameLength+1)); err == nil {
		t.Error("Greet accepted an over-long name")
	}
}
