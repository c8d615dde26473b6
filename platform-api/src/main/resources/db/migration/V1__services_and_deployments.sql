create table services (
    id                   bigserial primary key,
    name                 text not null unique,
    source_type          text not null check (source_type in ('git-push', 'git', 'image')),
    source_url           text,
    source_branch        text,
    source_directory     text not null default '',
    source_image         text,
    status               text not null check (status in ('OPERATION_IN_PROGRESS', 'RUNNING', 'PAUSED',
                                                          'CREATE_FAILED', 'DELETE_FAILED', 'DELETED')),
    status_reason        text,
    active_deployment_id text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table deployments (
    id               text primary key,
    service_id       bigint not null references services (id) on delete cascade,
    number           integer not null,
    trigger          text not null check (trigger in ('git-push', 'api', 'create', 'rollback')),
    status           text not null check (status in ('PENDING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED',
                                                     'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCEEDED',
                                                     'ROLLBACK_FAILED')),
    phase            text check (phase in ('FETCHING_SOURCE', 'FETCHING_MODELS', 'BUILDING', 'STARTING',
                                           'HEALTH_CHECKING', 'SWITCHING_TRAFFIC', 'DRAINING')),
    commit_id        text,
    rollback_of      text references deployments (id),
    artifact         jsonb,
    instance_id      text,
    instance_address text,
    reason           text,
    timings          jsonb not null default '{}'::jsonb,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    unique (service_id, number)
);

alter table services
    add constraint services_active_deployment_fk foreign key (active_deployment_id) references deployments (id)
        deferrable initially deferred;

create index deployments_by_service on deployments (service_id, number desc);
