-- The Ray state of each cluster as the last Bootstrap post-check (or Teardown) left it.
CREATE TABLE ray_state (
    cluster_id     UUID PRIMARY KEY,
    state          VARCHAR(16)   NOT NULL,
    head_address   VARCHAR(128),
    nodes_alive    INTEGER       NOT NULL,
    nodes_expected INTEGER       NOT NULL,
    npus_total     INTEGER       NOT NULL,
    npus_expected  INTEGER       NOT NULL,
    dashboard_url  VARCHAR(255),
    message        VARCHAR(4000),
    job_id         UUID,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per node: the env Ray was last started with (hash for drift, values with secrets masked for people)
-- and the commands the last Bootstrap/Teardown ran there (the runbook).
CREATE TABLE ray_node (
    cluster_id      UUID          NOT NULL,
    node_id         UUID          NOT NULL,
    node_name       VARCHAR(128)  NOT NULL,
    env_hash        VARCHAR(64),
    env_text        VARCHAR(16000),
    ray_started_at  TIMESTAMP WITH TIME ZONE,
    commands        VARCHAR(200000),
    commands_job_id UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (cluster_id, node_id)
);
