-- Starts empty: every message the run stores should leave exactly one notification.
SELECT 1;
