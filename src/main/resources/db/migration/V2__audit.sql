CREATE TABLE audit_entry (
  id UUID PRIMARY KEY,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor VARCHAR(100) NOT NULL,
  action VARCHAR(100) NOT NULL,
  target VARCHAR(300) NOT NULL,
  detail VARCHAR(2000)
);
CREATE INDEX audit_entry_at ON audit_entry (at);
