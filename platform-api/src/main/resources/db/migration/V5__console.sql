-- What the console shows of a deployment: its commit's subject line and the apprunner.yaml it was built from.
alter table deployments add column commit_message text;
alter table deployments add column config_file text;
alter table deployments add column config_text text;

-- A service's traffic every 10 s, kept for 24 h, for the console's charts (see docs/console.md).
create table metric_samples (
    service_id       bigint not null references services (id) on delete cascade,
    sampled_at       timestamptz not null,
    requests         bigint not null,
    status_2xx       bigint not null,
    status_4xx       bigint not null,
    status_5xx       bigint not null,
    latency_p50_ms   double precision,
    latency_p95_ms   double precision,
    latency_p99_ms   double precision,
    concurrency      integer not null,
    active_instances integer not null,
    primary key (service_id, sampled_at)
);
