-- Shared by the wrk scripts (require "common"): numbered threads, the mentions to send, a fresh id and author
-- for each, and one machine-readable line of figures at the end (wrk's own --latency output has no p99.9).
local common = {}
local next_thread = 0

-- Each wrk thread gets its own number (a global in its Lua state), so ids never repeat across threads.
function common.setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

-- The request bodies written by bench/lib.sh, with __ID__ and __AUTHOR__ still to fill in.
function common.mentions()
  local mentions = {}
  for line in io.lines(os.getenv("RPS_BENCH_MENTIONS")) do
    mentions[#mentions + 1] = line
  end
  return mentions
end

-- The counter-th mention of this thread under a fresh id; many authors, each back now and then (20,000 per
-- thread, in turn).
function common.mention(mentions, run_tag, thread, counter)
  local mention = mentions[(counter % #mentions) + 1]
  local id = string.format("%s-%d-%d", run_tag, thread, counter)
  local author = string.format("author-%d-%d", thread, counter % 20000)
  return (mention:gsub("__ID__", id):gsub("__AUTHOR__", author))
end

function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("FIGURES requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end

return common
