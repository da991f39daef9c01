-- Run once by the postgres image on an empty volume (docker-entrypoint-initdb.d), as the superuser.
-- vector is not a trusted extension, so it is created here, before the orchestrator's Flyway runs.
create extension if not exists vector;
create database agentteam_test owner agentteam;
\connect agentteam_test
create extension if not exists vector;
