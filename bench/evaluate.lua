-- wrk script: POST /v1/mentions/evaluate with real mentions in five languages (made by bench/lib.sh from the
-- labelled set), each under a fresh id so idempotency never short-circuits a request.
package.path = "bench/?.lua;" .. package.path
local common = require("common")
local mentions
local counter = 0

setup = common.setup
done = common.done

function init(args)
  mentions = common.mentions()
  run_tag = os.getenv("RPS_BENCH_RUN") or "run"
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/mentions/evaluate", {["Content-Type"] = "application/json"},
    common.mention(mentions, run_tag, thread_number, counter))
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end
