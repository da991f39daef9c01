-- The delivery id header is not covered by the signature: a captured signed body sent again under a new delivery
-- id must still be a duplicate. Deliveries are also unique per hook on the SHA-256 of their signed raw body.
alter table webhook_deliveries add column body_sha256 text;
create unique index webhook_deliveries_body_idx on webhook_deliveries (hook_id, body_sha256) where body_sha256 is not null;
