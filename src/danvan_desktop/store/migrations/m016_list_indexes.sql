-- Frozen at its release: two indexes for the city's scale (issue 22).
-- The overview's models per field (store/overview.py models_by_field) read every live
-- model's row for its field (85 ms on 100,000 models): this index holds the field of
-- every live model, and the count walks it alone (14 ms).
CREATE INDEX [idx_model_field] ON [model] ([field_code]) WHERE deleted = 0;
-- The meeting that corrects another names it in supersedes_id, and few do: the meetings
-- list's corrected versions and a meeting's sheet (store/team_work.py) read every
-- meeting to find them (68 ms for one sheet on a city reviewer's 60,000 meetings).
CREATE INDEX [idx_meeting_supersedes] ON [meeting] ([supersedes_id])
    WHERE supersedes_id IS NOT NULL;
