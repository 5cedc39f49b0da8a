CREATE TABLE credential (
  id UUID PRIMARY KEY,
  name VARCHAR(63) NOT NULL,
  username VARCHAR(32) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  secret VARCHAR(32000) NOT NULL,
  passphrase VARCHAR(4000),
  public_key_algorithm VARCHAR(64),
  public_key_fingerprint VARCHAR(100),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT credential_name_unique UNIQUE (name)
);

CREATE TABLE node (
  id UUID PRIMARY KEY,
  name VARCHAR(63) NOT NULL,
  host VARCHAR(253) NOT NULL,
  ssh_port INTEGER NOT NULL,
  credential_id UUID NOT NULL,
  sudo BOOLEAN NOT NULL,
  local_ip VARCHAR(45) NOT NULL,
  nic_name VARCHAR(15) NOT NULL,
  npu_count INTEGER NOT NULL,
  jump_host VARCHAR(253),
  jump_port INTEGER,
  jump_credential_id UUID,
  host_key_policy VARCHAR(10) NOT NULL,
  host_key_algorithm VARCHAR(64),
  host_key_fingerprint VARCHAR(100),
  host_key_blob VARCHAR(8000),
  host_key_first_seen_at TIMESTAMP WITH TIME ZONE,
  pending_key_algorithm VARCHAR(64),
  pending_key_fingerprint VARCHAR(100),
  pending_key_blob VARCHAR(8000),
  pending_key_seen_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT node_name_unique UNIQUE (name),
  CONSTRAINT node_credential_fk FOREIGN KEY (credential_id) REFERENCES credential (id),
  CONSTRAINT node_jump_credential_fk FOREIGN KEY (jump_credential_id) REFERENCES credential (id)
);

CREATE TABLE node_label (
  node_id UUID NOT NULL,
  label_key VARCHAR(63) NOT NULL,
  label_value VARCHAR(128) NOT NULL,
  PRIMARY KEY (node_id, label_key),
  CONSTRAINT node_label_node_fk FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE
);

CREATE TABLE cluster (
  id UUID PRIMARY KEY,
  name VARCHAR(63) NOT NULL,
  container_image VARCHAR(512) NOT NULL,
  container_name VARCHAR(128) NOT NULL,
  shm_size VARCHAR(16) NOT NULL,
  ray_port INTEGER NOT NULL,
  ray_dashboard_port INTEGER NOT NULL,
  serve_model VARCHAR(256),
  served_model_name VARCHAR(128),
  serve_port INTEGER NOT NULL,
  tensor_parallel_size INTEGER NOT NULL,
  pipeline_parallel_size INTEGER NOT NULL,
  enforce_eager BOOLEAN NOT NULL,
  trust_remote_code BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version BIGINT NOT NULL,
  CONSTRAINT cluster_name_unique UNIQUE (name)
);

-- The members of a cluster: list_index 0 is the head, the others are workers. A node is in at most one cluster.
CREATE TABLE cluster_node (
  cluster_id UUID NOT NULL,
  list_index INTEGER NOT NULL,
  node_id UUID NOT NULL,
  PRIMARY KEY (cluster_id, list_index),
  CONSTRAINT cluster_node_node_unique UNIQUE (node_id),
  CONSTRAINT cluster_node_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE,
  CONSTRAINT cluster_node_node_fk FOREIGN KEY (node_id) REFERENCES node (id)
);

CREATE TABLE cluster_mount (
  cluster_id UUID NOT NULL,
  list_index INTEGER NOT NULL,
  mount VARCHAR(2048) NOT NULL,
  PRIMARY KEY (cluster_id, list_index),
  CONSTRAINT cluster_mount_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);

CREATE TABLE cluster_extra_arg (
  cluster_id UUID NOT NULL,
  list_index INTEGER NOT NULL,
  arg VARCHAR(512) NOT NULL,
  PRIMARY KEY (cluster_id, list_index),
  CONSTRAINT cluster_extra_arg_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);

CREATE TABLE cluster_env (
  cluster_id UUID NOT NULL,
  env_name VARCHAR(128) NOT NULL,
  env_value VARCHAR(4096) NOT NULL,
  PRIMARY KEY (cluster_id, env_name),
  CONSTRAINT cluster_env_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);
