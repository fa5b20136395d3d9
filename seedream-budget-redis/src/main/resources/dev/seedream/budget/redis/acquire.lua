--
-- SPDX-License-Identifier: Apache-2.0
-- Copyright 2026 the Seedream for Camel and NiFi contributors
--

-- Takes images from a sliding window of grants kept in one sorted set, on the Redis server's clock, for callers in
-- the order given: the longest run of them that fits is granted, so a JVM with many callers needs one call, not one each.
-- KEYS[1]  the budget's key: members "<grant id>:<images>", scored by their grant time in microseconds
-- ARGV[1]  the limit: images in any window
-- ARGV[2]  how long a grant counts, in microseconds (the window and its margin)
-- ARGV[3]  how many grants follow that the node made while Redis was away (its local share)
-- then     pairs of such a grant's member and its age in microseconds: they go into the window at the time they
--          were made, so the window holds what the provider counts (a member already there only moves)
-- then     pairs of a new grant id and the images asked for (each at most the limit)
-- Returns {callers granted, microseconds until enough images have left the window for the next one (0 if none)}.
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local keep = tonumber(ARGV[2])
local backfills = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local first = 4 + 2 * backfills
for i = 4, first - 1, 2 do
  local age = tonumber(ARGV[i + 1])
  if age < keep then
    redis.call('ZADD', key, now - age, ARGV[i])
  end
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - keep)
local grants = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #grants, 2 do
  used = used + tonumber(string.match(grants[i], ':(%d+)$'))
end

local granted = 0
for i = first, #ARGV, 2 do
  local images = tonumber(ARGV[i + 1])
  if used + images > limit then
    break
  end
  redis.call('ZADD', key, now, ARGV[i] .. ':' .. images)
  used = used + images
  granted = granted + 1
end
if granted > 0 or backfills > 0 then
  redis.call('PEXPIRE', key, math.ceil(keep / 1000))
end
if first + 2 * granted > #ARGV then
  return {granted, 0}
end

-- Oldest first: the wait ends when the grant that frees enough for the next caller leaves the window.
local images = tonumber(ARGV[first + 1 + 2 * granted])
local free = limit - used
for i = 1, #grants, 2 do
  free = free + tonumber(string.match(grants[i], ':(%d+)$'))
  if free >= images then
    return {granted, tonumber(grants[i + 1]) + keep - now}
  end
end
return {granted, keep}
