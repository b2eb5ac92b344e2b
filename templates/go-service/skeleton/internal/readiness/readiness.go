// Package readiness checks the dependencies the service needs before it can take traffic.
package readiness

import (
	"context"
	"sync"
	"time"
)

// Check is one dependency.
type Check struct {
	Name  string
	Check func(ctx context.Context) error
}

// Run runs every check with a deadline, so a hung dependency reports as not ready instead of
// hanging the probe. It returns whether all passed and each check's result ("ok" or the error).
func Run(ctx context.Context, checks []Check, timeout time.Duration) (bool, map[string]string) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	results := make(map[string]string, len(checks))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, check := range checks {
		wg.Add(1)
		go func(check Check) {
			defer wg.Done()
			result := "ok"
			if err := check.Check(ctx); err != nil {
				result = err.Error()
			}
			mu.Lock()
			results[check.Name] = result
			mu.Unlock()
		}(check)
	}
	wg.Wait()
	ready := true
	for _, result := range results {
		if result != "ok" {
			ready = false
		}
	}
	return ready, results
}
