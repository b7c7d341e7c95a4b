-- Real-program benchmark for Lua (bench/run.py --real): lua bench.lua WORKLOAD N
--   trees    binary trees of depth N (allocation and GC churn: malloc/free)
--   strings  N rounds of string building: concatenation, string.format of
--            integers and floats, table.concat, gsub, find (stdio, strings)
--   sort     table.sort of N pseudo-random floats, then tostring of some
--   mixed    a little of each (the default)
-- Prints one line: the workload and a checksum (the same for every libc).
local workload, n = arg[1] or "mixed", tonumber(arg[2] or "0")

local function trees(depth)
  local function make(d)
    if d == 0 then return {} end
    d = d - 1
    return { make(d), make(d) }
  end
  local function check(t)
    if t[1] then return 1 + check(t[1]) + check(t[2]) end
    return 1
  end
  local long = make(depth)
  local sum = 0
  for d = 4, depth, 2 do
    local iters = 1 << (depth - d + 4)
    for _ = 1, iters do sum = sum + check(make(d)) end
  end
  return sum + check(long)
end

local function strings(rounds)
  local sum = 0
  for r = 1, rounds do
    local parts = {}
    for i = 1, 200 do
      local x = (i * 7919 + r) % 1000 / 7
      parts[#parts + 1] = string.format("%d:%g:%.3f", i, x, x * 1e3) .. "," .. i
    end
    local s = table.concat(parts, ";")
    local t = s:gsub("%d+", function(d) return #d end)
    local a, b = t:find("3:3")
    sum = (sum + #s + #t + (a or 0) + (b or 0)) % 1000000007
    local acc = ""
    for i = 1, 60 do acc = acc .. tostring(i * 0.5) end
    sum = (sum + #acc) % 1000000007
  end
  return sum
end

local function sort(count)
  local t, seed = {}, 42
  for i = 1, count do
    seed = (seed * 1103515245 + 12345) % 2147483648
    t[i] = seed / 2147483648 * 1e6
  end
  table.sort(t)
  local sum = 0
  for i = 1, count, math.max(1, count // 1000) do sum = sum + #tostring(t[i]) end
  return sum + math.floor(t[1] + t[count])
end

local result
if workload == "trees" then result = trees(n > 0 and n or 12)
elseif workload == "strings" then result = strings(n > 0 and n or 50)
elseif workload == "sort" then result = sort(n > 0 and n or 20000)
else
  local k = n > 0 and n or 1
  result = trees(10 + k) + strings(20 * k) + sort(10000 * k)
end
print(workload, result)
