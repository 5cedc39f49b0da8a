-- The pinned host key of each jump host (bastion) endpoint. Every node reached through the same host and port shares
-- one pin; host is stored in lower case. The pending key is the one last offered when it did not match (or when a
-- STRICT node found no pin), for an ADMIN to compare and trust.
CREATE TABLE jump_host_key (
  id UUID PRIMARY KEY,
  host VARCHAR(253) NOT NULL,
  port INTEGER NOT NULL,
  algorithm VARCHAR(64),
  fingerprint VARCHAR(100),
  public_key_blob VARCHAR(8000),
  first_seen_at TIMESTAMP WITH TIME ZONE,
  pending_key_algorithm VARCHAR(64),
  pending_key_fingerprint VARCHAR(100),
  pending_key_blob VARCHAR(8000),
  pending_key_seen_at TIMESTAMP WITH TIME ZONE,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT jump_host_key_endpoint_unique UNIQUE (host, port)
);
