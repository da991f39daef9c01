-- An approval is of a head commit onto a base branch: a pull request retargeted after approval needs a new one.
alter table approvals add column base_branch text;
