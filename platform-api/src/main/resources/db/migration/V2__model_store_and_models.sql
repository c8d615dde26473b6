-- A service's own S3 settings for its models (over Slipway's AWS_* variables), as JSON:
-- {"endpoint": …, "region": …, "accessKeyId": …, "secretAccessKey": …}, every field optional.
alter table services add column s3 jsonb;

-- The model objects a deployment was built with: [{"uri", "version", "sha256", "size", "target"}].
alter table deployments add column models jsonb not null default '[]'::jsonb;
