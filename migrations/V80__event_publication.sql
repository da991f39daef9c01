-- Spring Modulith's event publication registry (docs/adr/event-publication-registry.md): one row per event and
-- after-commit listener, written in the publishing transaction; a row without completion_date is a reaction that has
-- not run to the end (its listener threw, or the process died) and is resubmitted at start-up.
-- The columns are those Spring Modulith 2.0's JDBC store expects on PostgreSQL; its own schema initialisation is off.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
