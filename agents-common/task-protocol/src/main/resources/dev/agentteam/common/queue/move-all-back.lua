-- Moves every entry of a claim list (KEYS[1]) back to the list it came from (KEYS[2]), consumed from the right.
-- With KEYS[3] given, does so only when that heartbeat key is absent (the owner died), checked atomically.
-- Claims are pushed left, so the oldest is rightmost; moving left-to-right keeps it the first taken again.
if #KEYS > 2 and redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
local moved = 0
while redis.call('LMOVE', KEYS[1], KEYS[2], 'LEFT', 'RIGHT') do
  moved = moved + 1
end
return moved
