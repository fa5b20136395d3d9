-- Takes images from a sliding window of grants kept in one sorted set, on the Redis server's clock.
-- KEYS[1]  the budget's key: members "<grant id>:<images>", scored by their grant time in microseconds
-- ARGV[1]  the limit: images in any window
-- ARGV[2]  images asked for (at most the limit)
-- ARGV[3]  how long a grant counts, in microseconds (the window and a sixtieth)
-- ARGV[4]  a new grant id
-- Returns {1, 0} when granted, else {0, microseconds until enough images have left the window}.
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local images = tonumber(ARGV[2])
local keep = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

redis.call('ZREMRANGEBYSCORE', key, '-inf', now - keep)
local grants = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #grants, 2 do
  used = used + tonumber(string.match(grants[i], ':(%d+)$'))
end

if used + images <= limit then
  redis.call('ZADD', key, now, ARGV[4] .. ':' .. images)
  redis.call('PEXPIRE', key, math.ceil(keep / 1000))
  return {1, 0}
end

-- Oldest first: the wait ends when the grant that frees enough leaves the window.
local free = limit - used
for i = 1, #grants, 2 do
  free = free + tonumber(string.match(grants[i], ':(%d+)$'))
  if free >= images then
    return {0, tonumber(grants[i + 1]) + keep - now}
  end
end
return {0, keep}
