-- The requests of bench/load/paths.txt for wrk (bench/load/run.sh): words the
-- guide's readers search for, places its partnerships are in, map and GIS
-- requests. Each wrk connection walks the list from its own starting point.
--   MIX=keyword  only GET /api/search?q=WORD (the >= 15k requests/s goal)
--   MIX=mixed    keyword, radius, GeoJSON and OGC API requests in turn
--   MIX=distinct GET /api/search?q=WORD or q=WORD+WORD, words drawn with a fixed seed
--                from the file WORDS (bench/load/guide_words.py): a pair in 3 requests
--                of 4, so that the searches are mostly different and an answer cache
--                cannot stand in for the search
local mix = os.getenv("MIX") or "mixed"
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local paths = {}
local words = {}
if mix == "distinct" then
  for word in io.lines(os.getenv("WORDS") or error("MIX=distinct needs WORDS=FILE (guide_words.py)")) do
    table.insert(words, (word:gsub("[^%w]", function(c) return string.format("%%%02X", c:byte()) end)))
  end
else
  for line in io.lines(here .. "paths.txt") do
    local kind, path = line:match("^(%a+) (%S+)$")
    if kind == "keyword" or (kind == "mixed" and mix ~= "keyword") then
      table.insert(paths, path)
    end
  end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("start", counter * 7)
end

function init(args)
  next_index = start or 0
  math.randomseed(42 + next_index)  -- the same searches in the same order on every run
end

function request()
  if mix == "distinct" then
    local q = words[math.random(#words)]
    if math.random(4) > 1 then q = q .. "+" .. words[math.random(#words)] end
    return wrk.format("GET", "/api/search?q=" .. q)
  end
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
