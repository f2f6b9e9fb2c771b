-- When each subject was last scored, changed or not: scores count a rolling window of whole days, so a subject that
-- hears nothing is re-scored once a day (trust/internal/ScoreRefresh) as its old facts leave the window.
alter table score_subjects add column checked_at timestamp with time zone;
update score_subjects set checked_at = updated_at;
create index score_subjects_by_check on score_subjects (checked_at);
