-- wrk script: POST /v1/mentions/evaluate with real mentions in five languages (bench/mentions.jsonl, made by
-- http.sh from the labelled set), each under a fresh id so idempotency never short-circuits a request.
local mentions = {}
local counter = 0
local next_thread = 0

-- Each wrk thread gets its own number (a global in its Lua state), so ids never repeat across threads.
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

function init(args)
  for line in io.lines(os.getenv("RPS_BENCH_MENTIONS")) do
    mentions[#mentions + 1] = line
  end
  run_tag = os.getenv("RPS_BENCH_RUN") or "run"
end

function request()
  counter = counter + 1
  local mention = mentions[(counter % #mentions) + 1]
  local id = string.format("%s-%d-%d", run_tag, thread_number, counter)
  -- Many authors, each back now and then: 20,000 per wrk thread, in turn.
  local author = string.format("author-%d-%d", thread_number, counter % 20000)
  return wrk.format("POST", "/v1/mentions/evaluate", {["Content-Type"] = "application/json"},
    (mention:gsub("__ID__", id):gsub("__AUTHOR__", author)))
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("FIGURES requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end
