--
-- SPDX-License-Identifier: Apache-2.0
-- Copyright 2026 the Seedream for Camel and NiFi contributors
--

-- Returns images a grant did not use: its member keeps its time with a smaller count, or goes when none is left.
-- KEYS[1]  the budget's key
-- ARGV[1]  the grant's member, "<grant id>:<images>"
-- ARGV[2]  images given back
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then
  return 0 -- already out of the window
end
redis.call('ZREM', KEYS[1], ARGV[1])
local id, images = string.match(ARGV[1], '^(.*):(%d+)$')
local left = tonumber(images) - tonumber(ARGV[2])
if left > 0 then
  redis.call('ZADD', KEYS[1], score, id .. ':' .. left)
end
return 1
