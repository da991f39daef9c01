-- KEYS[1] the worker's in-progress list, KEYS[2] the role's pending list; ARGV[1] the exact claimed entry.
-- Only an entry that is still claimed goes back, so a claim the reaper already returned is not duplicated.
-- Pending lists are consumed from the right: pushing right makes the released task the next one taken.
local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
if removed > 0 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
end
return removed
