-- wrk script: a URL never asked before on every request, so the portal's page cache always
-- misses and Django renders the page; shows what the cache saves, in the same run.
local threads = 0

function setup(thread)
  thread:set("prefix", threads)
  threads = threads + 1
end

local n = 0

function request()
  n = n + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "uncached=" .. prefix .. "-" .. n)
end
