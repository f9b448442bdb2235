-- wrk script: POST /v1/mentions/evaluate-batch with RPS_BENCH_BATCH (500) real mentions in five languages per
-- request, each under a fresh id (ids never repeat, across wrk threads too).
local mentions = {}
local counter = 0
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

function init(args)
  for line in io.lines(os.getenv("RPS_BENCH_MENTIONS")) do
    mentions[#mentions + 1] = line
  end
  run_tag = os.getenv("RPS_BENCH_RUN") or "run"
  batch_size = tonumber(os.getenv("RPS_BENCH_BATCH") or "500")
end

function request()
  local items = {}
  for i = 1, batch_size do
    counter = counter + 1
    local mention = mentions[(counter % #mentions) + 1]
    local id = string.format("%s-%d-%d", run_tag, thread_number, counter)
    local author = string.format("author-%d-%d", thread_number, counter % 20000)
    items[i] = mention:gsub("__ID__", id):gsub("__AUTHOR__", author)
  end
  return wrk.format("POST", "/v1/mentions/evaluate-batch", {["Content-Type"] = "application/json"},
    '{"mentions":[' .. table.concat(items, ",") .. ']}')
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  elseif body:find('"status":5') or body:find('"status":4') then
    io.stderr:write("an item failed: " .. body:match('"problem":{[^}]*}') .. "\n")
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("FIGURES requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, errors))
end
