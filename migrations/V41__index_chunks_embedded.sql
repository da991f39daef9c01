-- A changed file keeps the vectors of its unchanged chunks: a run counts the chunks it embedded apart from those it
-- wrote, so the index state shows what a push really cost.
alter table index_states add column chunks_embedded int not null default 0;
