-- One row per finished VERIFY job: the summary in columns (history lists, the overview) and the full verdict as
-- JSON text; the ping results in a compact line format (tens of thousands of pairs on a 64-node full mesh).
CREATE TABLE verification_run (
  id UUID PRIMARY KEY,
  job_id UUID NOT NULL,
  cluster_id UUID NOT NULL,
  checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  requested_by VARCHAR(100) NOT NULL,
  verdict VARCHAR(16) NOT NULL,
  strategy VARCHAR(16),
  ping_packets INTEGER NOT NULL,
  ping_pairs INTEGER NOT NULL,
  ping_failed INTEGER NOT NULL,
  node_count INTEGER NOT NULL,
  failing_npus INTEGER NOT NULL,
  problem_count INTEGER NOT NULL,
  body TEXT NOT NULL,
  ping_results TEXT NOT NULL
);

CREATE UNIQUE INDEX verification_run_job ON verification_run (job_id);
CREATE INDEX verification_run_cluster ON verification_run (cluster_id, checked_at);
