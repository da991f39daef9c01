-- Live pages (docs/adr/live-pages.md): every row change the backlog, story, pull-request and dashboard pages show is
-- announced on the channel agentteam_changes with the topics it touches, e.g. {"topics": ["backlog", "epic:3",
-- "story:7"]}. Triggers catch every writer, whichever package or SQL statement made the change; Postgres delivers
-- a notification only when its transaction commits, and once per distinct payload per transaction.
create or replace function agentteam_notify_change() returns trigger
    language plpgsql as
$$
declare
    r      record;
    topics text[];
begin
    if tg_op = 'DELETE' then
        r := old;
    else
        r := new;
    end if;
    case tg_table_name
        when 'epics' then
            topics := array['backlog', 'epic:' || r.id];
        when 'stories' then
            topics := array['backlog', 'epic:' || r.epic_id, 'story:' || r.id];
        when 'tasks' then
            topics := array['backlog', 'dashboard', 'task:' || r.id];
            if r.story_id is not null then
                topics := topics || ('story:' || r.story_id);
            end if;
            if r.epic_id is not null then
                topics := topics || ('epic:' || r.epic_id);
            end if;
        when 'pr_records' then
            topics := array['pull-requests', 'dashboard', 'pr:' || r.id];
            if r.story_id is not null then
                topics := topics || ('story:' || r.story_id);
            end if;
        when 'pr_comments', 'pr_labels', 'approvals' then
            topics := array['pr:' || r.pr_id];
        when 'commit_statuses' then
            select coalesce(array_agg('pr:' || p.id), '{}') into topics
            from pr_records p where p.repository_id = r.repository_id and p.head_sha = r.sha;
        when 'sprint_stories' then
            topics := array['backlog', 'sprint:' || r.sprint_id, 'story:' || r.story_id];
        when 'sprints' then
            topics := array['dashboard', 'sprint:' || r.id];
        when 'clarifications' then
            topics := array['dashboard', 'clarifications'];
        else
            topics := array[tg_table_name];
    end case;
    if cardinality(topics) > 0 then
        perform pg_notify('agentteam_changes', json_build_object('topics', topics)::text);
    end if;
    return null;
end;
$$;

do
$$
declare
    t text;
begin
    foreach t in array array['epics', 'stories', 'tasks', 'pr_records', 'pr_comments', 'pr_labels', 'approvals',
                             'commit_statuses', 'sprint_stories', 'sprints', 'clarifications']
        loop
            execute format('create trigger %I after insert or update or delete on %I '
                               || 'for each row execute function agentteam_notify_change()', t || '_notify_change', t);
        end loop;
end;
$$;
