-- A path with a random id per request: wrk -s random-id.lua http://host:port -- /inovasi/ 100006
-- requests /inovasi/<1..100006>. Each thread seeds its own generator, so threads do not repeat each other.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local counter = 0
function setup(thread)
   counter = counter + 1
   thread:set("thread_id", counter)
end

local prefix, max_id
function init(args)
   prefix = args[1] or error("random-id.lua: give the path prefix, e.g. -- /inovasi/ 100006")
   max_id = tonumber(args[2]) or error("random-id.lua: give the largest id, e.g. -- /inovasi/ 100006")
   math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
   for _ = 1, 10 do math.random() end -- the first draws after seeding are poorly spread
end

function request()
   return wrk.format("GET", prefix .. math.random(1, max_id))
end
