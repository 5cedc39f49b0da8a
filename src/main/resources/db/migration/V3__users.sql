CREATE TABLE app_user (
  id UUID PRIMARY KEY,
  username VARCHAR(32) NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  role VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT app_user_username UNIQUE (username)
);

CREATE TABLE api_token (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  name VARCHAR(100) NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_token_hash UNIQUE (token_hash),
  CONSTRAINT api_token_user_name UNIQUE (user_id, name),
  CONSTRAINT api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX audit_entry_actor ON audit_entry (actor);
CREATE INDEX audit_entry_action ON audit_entry (action);
