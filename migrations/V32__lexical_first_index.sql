-- Lexical first (docs/adr/retrieval.md, "Two passes"): a run writes every new or changed file's chunks with their
-- full-text terms at once and no vector yet (pass 1, no model), then embeds the chunks still without a vector in
-- batches (pass 2). A chunk is searchable by its words as soon as pass 1 wrote it.
--
-- With out-of-order migrations this file runs after V31 on a new database, before V40 created index_states: it
-- touches only what V1 created and keeps the pass of a run in a table of its own.

-- A chunk without a vector is waiting for pass 2 (pgvector's HNSW index leaves NULL vectors out).
alter table embeddings alter column embedding drop not null;

-- Pass 2 finds a repository's chunks without a vector, in row order, without reading the others.
create index embeddings_vector_pending_idx on embeddings (repository_id, id) where embedding is null;

-- Which pass the current (or last) run of a repository is in, since when: the rate and the ETA of that pass.
create table index_phases (
    repository_id bigint      primary key references repositories (id) on delete cascade,
    phase         text        not null check (phase in ('text', 'vectors')),
    started_at    timestamptz not null default now()
);
