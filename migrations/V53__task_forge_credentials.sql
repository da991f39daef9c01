-- Forge credentials bound to one task (issue 13): minted for the task's repository, they expire on their own and are
-- revoked when the task ends. Deleting the task deletes them.
alter table forge_credentials
    add column task_id    bigint references tasks (id) on delete cascade,
    add column expires_at timestamptz;
create index forge_credentials_task_idx on forge_credentials (task_id) where task_id is not null;
