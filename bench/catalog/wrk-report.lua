-- wrk script for bench/catalog/run.sh: sends the bearer token, cycles through the request paths
-- given in CATALOG_BENCH_PATHS (space-separated), and prints one JSON line with throughput and
-- the latency percentiles wrk's own summary leaves out (p95).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("CATALOG_BENCH_TOKEN") or "")
wrk.headers["Accept"] = "application/json"

local paths = {}
for path in string.gmatch(os.getenv("CATALOG_BENCH_PATHS") or "/", "[^ ]+") do
  paths[#paths + 1] = path
end
local next_index = 0

request = function()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"requestsPerSec":%.1f,"socketErrors":%d,"timeouts":%d,' ..
      '"non2xx":%d,"p50Ms":%.1f,"p95Ms":%.1f,"p99Ms":%.1f,"maxMs":%.1f,"meanMs":%.1f}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    errors.connect + errors.read + errors.write, errors.timeout, errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
