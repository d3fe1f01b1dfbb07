-- Seed 001, Post-Seed Verification 2: team member roles.
-- Expected: owner/active (1), admin/active (1), member/active (1),
--           member/inactive (1), member/pending (1), viewer/active (1).
SELECT role, status, COUNT(*) AS count
FROM team_members
GROUP BY role, status
ORDER BY role, status;
