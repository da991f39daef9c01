-- Notifications already sent (design.md §8 merge gate): one row per thing announced, e.g.
-- 'pr-ready:<pr id>:<head sha>', so a pull request waiting for a human is announced once per head commit,
-- however many CI or review events repeat that it is ready.
create table notifications_sent (
    key     text        primary key check (length(key) between 1 and 300),
    sent_at timestamptz not null default now()
);
