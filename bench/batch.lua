-- wrk script: POST /v1/mentions/evaluate-batch with RPS_BENCH_BATCH (500) real mentions in five languages per
-- request, each under a fresh id (ids never repeat, across wrk threads too).
package.path = "bench/?.lua;" .. package.path
local common = require("common")
local mentions
local counter = 0

setup = common.setup
done = common.done

function init(args)
  mentions = common.mentions()
  run_tag = os.getenv("RPS_BENCH_RUN") or "run"
  batch_size = tonumber(os.getenv("RPS_BENCH_BATCH") or "500")
end

function request()
  local items = {}
  for i = 1, batch_size do
    counter = counter + 1
    items[i] = common.mention(mentions, run_tag, thread_number, counter)
  end
  return wrk.format("POST", "/v1/mentions/evaluate-batch", {["Content-Type"] = "application/json"},
    '{"mentions":[' .. table.concat(items, ",") .. ']}')
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  elseif body:find('"status":5') or body:find('"status":4') then
    io.stderr:write("an item failed: " .. (body:match('"problem":{[^}]*}') or "?") .. "\n")
  end
end
