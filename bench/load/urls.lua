-- Realistic requests for wrk (bench/load/run.sh): words the guide's readers
-- search for, places its partnerships are in, map and GIS requests. Each wrk
-- connection walks the list from its own starting point.
--   MIX=keyword  only GET /api/search?q=WORD (the >= 15k requests/s goal)
--   MIX=mixed    keyword, radius, GeoJSON and OGC API requests in turn
local words = {
  "eau", "assainissement", "sant%C3%A9", "%C3%A9ducation", "agriculture", "jeunesse", "culture",
  "tourisme", "climat", "francophonie", "patrimoine", "jumelage", "AFD", "S%C3%A9n%C3%A9gal", "Maroc",
  "coop%C3%A9ration+d%C3%A9centralis%C3%A9e", "d%C3%A9veloppement+durable", "%22gestion+des+d%C3%A9chets%22",
  "formation+professionnelle", "egalite+femmes+hommes", "numerique", "mobilit%C3%A9", "for%C3%AAt", "Liban",
}
-- near=LAT,LON of places of the guide's partnerships, radius in km
local places = {
  "14.69,-17.44", "34.02,-6.83", "6.37,2.43", "12.37,-1.52", "45.76,4.84", "33.89,35.50",
  "21.03,105.85", "-18.91,47.53", "18.54,-72.34", "36.81,10.18", "48.11,-1.68", "43.60,1.44",
}
local radii = { "25", "50", "100", "200", "500" }
local types = { "programme", "partner", "partnership", "contact", "passage" }
local boxes = { "-20,0,20,40", "-10,40,10,52", "95,5,110,25", "30,25,40,37", "-80,10,-60,25" }

local mix = os.getenv("MIX") or "mixed"
local paths = {}
for i = 1, #words do
  local w = words[i]
  local p = places[(i - 1) % #places + 1]
  local r = radii[(i - 1) % #radii + 1]
  local t = types[(i - 1) % #types + 1]
  local b = boxes[(i - 1) % #boxes + 1]
  table.insert(paths, "/api/search?q=" .. w)
  if mix ~= "keyword" then
    table.insert(paths, "/api/search?q=" .. w .. "&near=" .. p .. "&radius_km=" .. r)
    table.insert(paths, "/api/search?near=" .. p .. "&radius_km=" .. r .. "&sort=distance&type=" .. t)
    table.insert(paths, "/api/geojson?q=" .. w .. "&limit=100")
    table.insert(paths, "/ogc/collections/" .. t .. "/items?limit=20&bbox=" .. b)
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
