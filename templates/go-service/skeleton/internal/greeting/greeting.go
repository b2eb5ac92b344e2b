// Package greeting is the service's one piece of domain logic so far; replace it with yours.
package greeting

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxNameLength is the longest name Greet accepts.
const MaxNameLength = 100

// Greet answers "Hello, <name>", or an error if the name is too long.
func Greet(name string) (string, error) {
	trimmed := strings.TrimSpace(name)
	if utf8.RuneCountInString(trimmed) > MaxNameLength {
		return "", fmt.Errorf("name must be at most %d characters", MaxNameLength)
	}
	if trimmed == "" {
		trimmed = "world"
	}
	return "Hello, " + trimmed, nil
}
