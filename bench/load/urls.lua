-- The requests of bench/load/paths.txt for wrk (bench/load/run.sh): words the
-- guide's readers search for, places its partnerships are in, map and GIS
-- requests. Each wrk connection walks the list from its own starting point.
--   MIX=keyword  only GET /api/search?q=WORD (the >= 15k requests/s goal)
--   MIX=mixed    keyword, radius, GeoJSON and OGC API requests in turn
local mix = os.getenv("MIX") or "mixed"
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local paths = {}
for line in io.lines(here .. "paths.txt") do
  local kind, path = line:match("^(%a+) (%S+)$")
  if kind == "keyword" or (kind == "mixed" and mix ~= "keyword") then
    table.insert(paths, path)
  end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("start", counter * 7)
end

function init(args)
  next_index = start or 0
end

function request()
  next_index = next_index + 1
  return wrk.format("GET", paths[next_index % #paths + 1])
end

-- One line a script can read: requests/s, p50 and p99 in ms, errors.
function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT mix=%s requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d " ..
                         "(connect %d, read %d, write %d, status %d, timeout %d)\n",
    mix, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors,
    e.connect, e.read, e.write, e.status, e.timeout))
end
