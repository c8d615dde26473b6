-- Spreads wrk's requests over the hosts of the benchmark's generated route table, cycling through
-- bench.localhost, h1.bench.localhost, ..., h(N-1).bench.localhost. Usage: wrk -s hosts.lua URL -- N
-- The requests are formatted once in init(), so wrk pays only a table lookup per request.

local requests = {}
local count = 1
local index = 0

function init(args)
  count = tonumber(args[1]) or 1
  for i = 0, count - 1 do
    local host = "bench.localhost"
    if i > 0 then
      host = string.format("h%d.bench.localhost", i)
    end
    requests[i] = wrk.format("GET", "/", { Host = host })
  end
  -- Threads start at different points of the list.
  index = math.random(0, count - 1)
end

function request()
  index = (index + 1) % count
  return requests[index]
end
