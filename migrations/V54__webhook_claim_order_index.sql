-- The processor claims the oldest unprocessed delivery (order by received_at, id limit 1 for update skip locked).
-- With the index on received_at alone PostgreSQL sorted each group of equal timestamps and converted the payload of
-- every row it read (about 30 rows of up to 30 KB per claim, docs/benchmarks.md "webhook"); an index in the claim's
-- own order lets it stop at the first row.
create index webhook_deliveries_claim_idx on webhook_deliveries (received_at, id) where processed_at is null;
drop index webhook_deliveries_unprocessed_idx;
