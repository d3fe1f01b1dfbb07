-- Reverses 0012_unused_trigram_indexes: the indexes of 0002 and 0008, as they were.
CREATE INDEX idx_team_members_invitation_email_trgm
    ON team_members USING GIN (invitation_email gin_trgm_ops);
CREATE INDEX idx_users_email_trgm
    ON users USING GIN (email gin_trgm_ops);
CREATE INDEX idx_users_full_name_trgm
    ON users USING GIN (full_name gin_trgm_ops);
CREATE INDEX idx_team_members_pending_email_trgm
    ON team_members USING GIN (invitation_email gin_trgm_ops)
    WHERE status = 'pending' AND deleted_at IS NULL;
