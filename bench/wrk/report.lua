-- Shared by the bench scripts: done() prints one machine-readable line that bench/run.sh parses.
--   BENCH rps=<requests/s> p50=<ms> p95=<ms> p99=<ms> errors=<n> requests=<n> status=<n> connect=<n> read=<n> write=<n> timeout=<n>
-- wrk reports latency in microseconds and summary.duration in microseconds.
-- "status" is wrk's count of responses with status >= 400; run.sh checks every target answers 200 before measuring.
function done(summary, latency, requests)
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.status + e.timeout
   local seconds = summary.duration / 1e6
   local rps = seconds > 0 and summary.requests / seconds or 0
   io.write(string.format(
      "BENCH rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d requests=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
      rps, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      errors, summary.requests, e.status, e.connect, e.read, e.write, e.timeout))
end
