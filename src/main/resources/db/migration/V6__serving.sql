-- Serving: the current vLLM endpoint of each cluster, and the history of its state changes.
CREATE TABLE serving_endpoint (
  cluster_id UUID PRIMARY KEY,
  state VARCHAR(16) NOT NULL,
  url VARCHAR(300),
  model VARCHAR(300),
  head_node_id UUID,
  port INTEGER,
  job_id UUID,
  reason VARCHAR(50),
  message VARCHAR(2000),
  launch_command VARCHAR(4000),
  warnings VARCHAR(4000),
  smoke_latency_ms BIGINT,
  smoke_prompt_tokens INTEGER,
  smoke_completion_tokens INTEGER,
  smoke_text VARCHAR(2000),
  checked_at TIMESTAMP WITH TIME ZONE,
  state_since TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL
);

CREATE TABLE serving_event (
  id UUID PRIMARY KEY,
  cluster_id UUID NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  from_state VARCHAR(16),
  to_state VARCHAR(16) NOT NULL,
  reason VARCHAR(50),
  message VARCHAR(2000)
);
CREATE INDEX serving_event_cluster_at ON serving_event (cluster_id, at);
