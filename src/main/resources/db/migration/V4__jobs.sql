-- Jobs: one row per job, one per (node, step), every output line / status / step change as an event.
CREATE TABLE job (
  id UUID PRIMARY KEY,
  cluster_id UUID NOT NULL,
  cluster_name VARCHAR(200) NOT NULL,
  phase VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  requested_by VARCHAR(100) NOT NULL,
  options VARCHAR(8000) NOT NULL,
  retry_of UUID,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  deadline_at TIMESTAMP WITH TIME ZONE,
  error_reason VARCHAR(50),
  error_message VARCHAR(2000),
  owner VARCHAR(200),
  lease_expires_at TIMESTAMP WITH TIME ZONE,
  cancel_requested BOOLEAN NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX job_cluster_created ON job (cluster_id, created_at);
CREATE INDEX job_status ON job (status);
CREATE INDEX job_created ON job (created_at);

CREATE TABLE job_step (
  id UUID PRIMARY KEY,
  job_id UUID NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  node_id UUID NOT NULL,
  node_name VARCHAR(200) NOT NULL,
  name VARCHAR(100) NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL,
  status VARCHAR(20) NOT NULL,
  exit_code INTEGER,
  attempts INTEGER NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  reason VARCHAR(50),
  message VARCHAR(2000),
  version BIGINT NOT NULL
);
CREATE INDEX job_step_job ON job_step (job_id);

-- Events in one sequence per job: type STATUS | STEP (JSON in data) or LOG (the line in data).
CREATE TABLE job_event (
  job_id UUID NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  type VARCHAR(10) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  step_id UUID,
  node_id UUID,
  node_name VARCHAR(200),
  stream VARCHAR(10),
  data VARCHAR(8000) NOT NULL,
  PRIMARY KEY (job_id, seq)
);

-- One row per cluster that ever ran a job; locked FOR UPDATE while a job is admitted (one job per cluster).
CREATE TABLE cluster_lock (
  cluster_id UUID PRIMARY KEY,
  job_id UUID,
  locked_at TIMESTAMP WITH TIME ZONE
);

-- db-scheduler's table (cluster-wide recurring tasks: lease sweeper, retention purge).
CREATE TABLE scheduled_tasks (
  task_name VARCHAR(100) NOT NULL,
  task_instance VARCHAR(100) NOT NULL,
  task_data BYTEA,
  execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
  picked BOOLEAN NOT NULL,
  picked_by VARCHAR(200),
  last_success TIMESTAMP WITH TIME ZONE,
  last_failure TIMESTAMP WITH TIME ZONE,
  consecutive_failures INTEGER,
  last_heartbeat TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
