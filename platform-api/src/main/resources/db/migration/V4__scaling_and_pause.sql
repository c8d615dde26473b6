-- Scaling settings given through the API ({"maxConcurrency": 50, ...}); they win over apprunner.yaml's.
alter table services add column scaling jsonb;
-- A paused service runs no instance until it is resumed; its status is PAUSED.
alter table services add column paused boolean not null default false;
