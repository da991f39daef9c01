-- Issue 11 item 5: a repository's Definition-of-Done checks, each optional, run by the CI/CD agent in the sandbox.
-- required_checks names the checks (lint, coverage, security) the merge gate requires green.
alter table repositories
    add column lint_command       text,
    add column coverage_command   text,
    add column coverage_threshold numeric(5, 2) check (coverage_threshold between 0 and 100),
    add column security_command   text,
    add column required_checks    text[] not null default '{}'
        check (required_checks <@ array['lint', 'coverage', 'security']::text[]);
