-- Base migration of daogen's own tables (subsystem "core"). Part of daogen; do not edit.
-- daogen:up
create table if not exists "cluster_events" ("id" uuid not null, "node_id" uuid not null, "at" timestamp with time zone not null, "nbf" timestamp with time zone null, "expire_at" timestamp with time zone not null, "channel" text null, "data" text null, constraint "cluster_events_pkey" primary key ("id"));
create index if not exists "cluster_events_at_idx" on "cluster_events"("at");
create index if not exists "cluster_events_channel_idx" on "cluster_events"("channel");
create index if not exists "cluster_events_expire_at_idx" on "cluster_events"("expire_at");
-- daogen:teardown
