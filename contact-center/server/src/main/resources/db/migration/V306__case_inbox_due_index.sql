-- The department inbox's due-first views (issue 14: p99 <= 20 ms with 1,000,000 cases) ask for a
-- department's cases not yet done, by due date. With (department_id, due_at, id) the database walks
-- the department's cases in due order and stops after one page, skipping the done ones on the way,
-- instead of sorting every open case of the department.
create index case_file_department_due on case_file (department_id, due_at, id);
