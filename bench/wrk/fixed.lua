-- One fixed URL (the one given to wrk). No request() function, so wrk sends its pre-built request
-- and the load generator spends no Lua time per request.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")
