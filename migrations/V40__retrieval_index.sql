-- Retrieval over the code (docs/adr/retrieval.md): the chunks V1 stored get their place in the file (lines,
-- language, symbol) and a full-text vector with identifiers split (parseHost -> parse host), computed by the
-- indexer; a per-file manifest keyed by git blob SHA makes indexing incremental and resumable; a per-repository
-- state row carries progress; one row names the embedding model the vectors come from.

-- V1's generated tsvector knew nothing of identifiers: the indexer writes `terms` instead.
drop index if exists embeddings_tsv_idx;
alter table embeddings drop column content_tsv;

-- Two paths may hold the same blob (empty __init__.py files): a chunk is unique per path, not per blob.
alter table embeddings drop constraint embeddings_repository_id_blob_sha_chunk_index_key;
delete from embeddings where repository_id is null;
alter table embeddings alter column repository_id set not null;
alter table embeddings alter column blob_sha set not null;
alter table embeddings add column language   text;
alter table embeddings add column symbol     text;
alter table embeddings add column start_line int      not null default 1 check (start_line >= 1);
alter table embeddings add column end_line   int      not null default 1;
alter table embeddings add column terms      tsvector not null default ''::tsvector;
alter table embeddings add constraint embeddings_lines_check check (end_line >= start_line);
create unique index embeddings_chunk_idx on embeddings (repository_id, source, chunk_index);
create index embeddings_terms_idx on embeddings using gin (terms);
create index embeddings_language_idx on embeddings (repository_id, language);

-- What the index holds per file: the blob it was built from, or why the file was skipped (binary, too large,
-- not UTF-8, vendored, symbolic link...). Unchanged blobs are never read or embedded again.
create table index_files (
    repository_id bigint      not null references repositories (id) on delete cascade,
    path          text        not null,
    blob_sha      text        not null,
    language      text,
    size_bytes    bigint      not null default 0 check (size_bytes >= 0),
    chunks        int         not null default 0 check (chunks >= 0),
    skip_reason   text,
    indexed_at    timestamptz not null default now(),
    primary key (repository_id, path)
);
create index index_files_skipped_idx on index_files (repository_id) where skip_reason is not null;

-- One row per repository: what is indexed, what is being indexed, and the progress of the current run.
create table index_states (
    repository_id  bigint      primary key references repositories (id) on delete cascade,
    status         text        not null default 'QUEUED' check (status in ('QUEUED', 'INDEXING', 'IDLE', 'FAILED')),
    trigger        text        not null default 'registered',
    full_rebuild   boolean     not null default false,
    target_commit  text,
    indexed_commit text,
    files_total    int         not null default 0,
    files_done     int         not null default 0,
    bytes_total    bigint      not null default 0,
    bytes_done     bigint      not null default 0,
    files_embedded int         not null default 0,
    files_removed  int         not null default 0,
    files_skipped  int         not null default 0,
    chunks_written int         not null default 0,
    requested_at   timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    last_error     text,
    updated_at     timestamptz not null default now()
);
create index index_states_pending_idx on index_states (requested_at) where status in ('QUEUED', 'INDEXING');

-- The model the stored vectors come from. When the configured model differs (name or dimension), the
-- orchestrator empties the index, adapts the vector column and re-indexes every repository.
create table embedding_model (
    id         int         primary key default 1 check (id = 1),
    name       text        not null,
    dimension  int         not null check (dimension between 1 and 2000),
    changed_at timestamptz not null default now()
);
