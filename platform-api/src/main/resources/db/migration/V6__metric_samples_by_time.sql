-- The overview's sparklines and the 24 h purge read samples by time across all services.
create index metric_samples_by_time on metric_samples (sampled_at);
