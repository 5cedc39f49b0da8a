-- Who asked to cancel a job, so that the replica that runs it (which may not be the one asked) names them.
ALTER TABLE job ADD COLUMN cancel_requested_by VARCHAR(100);
