-- 0012_unused_trigram_indexes: drop the trigram indexes no query reads any more.
--
-- Member search reads the sort-key side table's workspace-scoped trigram index (0010); the
-- trigram indexes over every user's email and name and every invitation email (0002, 0008)
-- were read only by the search they served. Each still cost every insert and update of a
-- user or member, and at 1,000,000 rows a quarter of the scale seed's load (their builds).
-- QueryPlanTests checks that no console query reads a large table without an index.

DROP INDEX idx_users_email_trgm;
DROP INDEX idx_users_full_name_trgm;
DROP INDEX idx_team_members_invitation_email_trgm;
DROP INDEX idx_team_members_pending_email_trgm;
