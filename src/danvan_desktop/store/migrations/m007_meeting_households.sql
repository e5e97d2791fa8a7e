-- Frozen at its release: a community meeting (Decree 59/2023/NĐ-CP, form 03) records
-- the village's total households beside the households represented. Never edit.
ALTER TABLE [meeting] ADD COLUMN households_total INTEGER;
