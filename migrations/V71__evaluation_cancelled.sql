-- An evaluation run can be cancelled (POST /api/evals/{id}/cancel): its unfinished tasks end with the reason 'cancelled'.
alter table eval_results drop constraint eval_results_reason_check;
alter table eval_results add constraint eval_results_reason_check
    check (reason in ('solved', 'tests', 'no_pr', 'budget', 'clarify', 'error', 'timeout', 'cancelled'));
