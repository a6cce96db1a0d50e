-- wrk script for bench/ingest-load.sh: each wrk thread POSTs its own slice of the pre-made
-- batch files (BATCH_DIR/b*.ndjson, 1,000 NDJSON events each) exactly once to /api/v1/events:batch,
-- checks every answer (200 and the "accepted" count in the body), and stops when its slice is answered.
-- A connection that finds its thread's slice exhausted sends a cheap GET /bench-filler (a 404) as filler, not counted.
local dir = os.getenv("BATCH_DIR")
local nfiles = tonumber(os.getenv("BATCH_COUNT"))
local key = os.getenv("GP_KEY")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(os.getenv("WRK_THREADS")) -- setup()'s counter is not visible in thread states
  bodies = {}
  for i = tid, nfiles - 1, nthreads do
    local f = assert(io.open(string.format("%s/b%05d.ndjson", dir, i), "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  headers = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/x-ndjson" }
  nextb, answered, accepted, rejected, retry, errors, filler = 1, 0, 0, 0, 0, 0, 0
  filler_req = wrk.format("GET", "/bench-filler")
end

function request()
  if nextb <= #bodies then
    local b = bodies[nextb]
    nextb = nextb + 1
    return wrk.format("POST", "/api/v1/events:batch", headers, b)
  end
  return filler_req
end

function response(status, hdrs, body)
  local acc, rej, ret = string.match(body or "", '^{"accepted":(%d+),"rejected":(%d+),"retry":(%d+)')
  if acc == nil and string.find(body or "", "/bench-filler", 1, true) then
    filler = filler + 1 -- the 404 answer to a filler request
    -- wrk 4.1 sometimes never delivers one batch answer to response(); after 2,000 fillers the
    -- missing answers are counted as errors ("lost") and the thread stops
    if filler >= 2000 then errors = errors + (#bodies - answered - errors); lost = #bodies - answered; wrk.thread:stop() end
    return
  end
  if status == 200 and acc then
    answered = answered + 1
    accepted = accepted + tonumber(acc)
    rejected = rejected + tonumber(rej)
    retry = retry + tonumber(ret)
  elseif status ~= 200 or not acc then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("non-200 answer: " .. status .. " " .. string.sub(body or "", 1, 200) .. "\n") end
  end
  if answered + errors >= #bodies then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local acc, rej, ret, err, ans = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    acc = acc + t:get("accepted"); rej = rej + t:get("rejected"); ret = ret + t:get("retry")
    err = err + t:get("errors"); ans = ans + t:get("answered")
  end
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT batches_ok=%d batch_errors=%d accepted=%d rejected=%d retry=%d seconds=%.3f events_per_s=%.0f batch_p50_ms=%.1f batch_p99_ms=%.1f\n",
    ans, err, acc, rej, ret, secs, acc / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
