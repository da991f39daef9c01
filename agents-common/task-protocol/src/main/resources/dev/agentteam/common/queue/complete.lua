-- KEYS[1] the worker's in-progress list, KEYS[2] tasks:done; ARGV[1] the exact claimed entry, ARGV[2] the result.
-- The result is pushed even when the claim is gone (reaped): results are idempotent for the orchestrator.
redis.call('LPUSH', KEYS[2], ARGV[2])
return redis.call('LREM', KEYS[1], 1, ARGV[1])
