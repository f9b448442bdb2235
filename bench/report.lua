-- wrk script: GET or POST the same request; at the end prints one machine-readable line of figures
-- (wrk's own --latency output has no p99.9).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("FIGURES requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end
