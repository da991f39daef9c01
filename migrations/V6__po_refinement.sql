-- The PO agent's refinement (docs/adr/po-refinement.md).

-- A refinement that failed for good stays visible on the epic: its own status and the reason.
alter table epics drop constraint epics_status_check;
alter table epics add constraint epics_status_check
    check (status in ('NEW', 'REFINING', 'CLARIFYING', 'REFINED', 'REFINEMENT_FAILED', 'IN_PROGRESS', 'DONE', 'CANCELLED'));
alter table epics add column refinement_error text;

-- Which po.refine_epic task proposed a story (a redelivered success must not store its stories twice), and whether
-- the PO could not bring it under the split threshold.
alter table stories add column source_task_id bigint references tasks (id) on delete set null;
alter table stories add column needs_split boolean not null default false;
create index stories_source_task_idx on stories (source_task_id) where source_task_id is not null;
