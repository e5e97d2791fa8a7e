-- Frozen at its release: a member's birth year (issue 18), which tells apart two members
-- of the same name (a village often has two «Nguyễn Văn An»); null when not known.
ALTER TABLE [member] ADD COLUMN birth_year INTEGER;
-- A laptop of an earlier schema dropped this field from the members it pulled (it kept
-- the fields it knew): pull everything again once, merging as usual.
UPDATE [meta] SET value = '0' WHERE key = 'sync_checkpoint';
