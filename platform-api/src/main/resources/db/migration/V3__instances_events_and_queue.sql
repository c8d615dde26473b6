-- Instances: each runs one container at a time (a new one on every restart) for a deployment.
create table instances (
    id                   text primary key,
    service_id           bigint not null references services (id) on delete cascade,
    deployment_id        text not null references deployments (id) on delete cascade,
    container_id         text,
    address              text,
    state                text not null check (state in ('STARTING', 'HEALTHY', 'UNHEALTHY', 'STOPPING', 'STOPPED',
                                                       'CRASHED')),
    state_reason         text,
    restarts             integer not null default 0,
    -- crashes since the instance was last healthy for long enough; decides the restart backoff
    crash_streak         integer not null default 0,
    last_exit_code       integer,
    last_exit_reason     text,
    started_at           timestamptz,
    healthy_since        timestamptz,
    next_restart_at      timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create index instances_by_service on instances (service_id, state);
create index instances_by_deployment on instances (deployment_id);
create index instances_by_container on instances (container_id);

-- What happened to a service, newest first: deployments, instances, restarts of Slipway.
create table service_events (
    id            bigserial primary key,
    service_id    bigint not null references services (id) on delete cascade,
    at            timestamptz not null default now(),
    kind          text not null,
    message       text not null,
    deployment_id text,
    instance_id   text
);

create index service_events_by_service on service_events (service_id, id desc);

-- The instance each active deployment ran becomes an instance row; deployments no longer hold one.
insert into instances (id, service_id, deployment_id, container_id, address, state, started_at, healthy_since)
select 'i' || substr(md5(d.id), 1, 12), d.service_id, d.id, d.instance_id, d.instance_address, 'HEALTHY',
       d.finished_at, d.finished_at
from deployments d
         join services s on s.active_deployment_id = d.id
where d.instance_id is not null;

alter table deployments drop column instance_id;
alter table deployments drop column instance_address;

-- Deployments wait in this table (PENDING) until a worker claims one; pushes carry who waits.
create index deployments_pending on deployments (created_at) where status = 'PENDING';
