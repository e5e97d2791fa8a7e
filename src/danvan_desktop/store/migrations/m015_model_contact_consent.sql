-- Frozen at its release: a team's consent to give a contact on its model's network card
-- (issue 17), and the contact it gives; all null until the team records them (null
-- consent: not agreed, so a card carries no contact).
ALTER TABLE [model] ADD COLUMN contact_consent INTEGER;
ALTER TABLE [model] ADD COLUMN contact_name TEXT;
ALTER TABLE [model] ADD COLUMN contact_role TEXT;
ALTER TABLE [model] ADD COLUMN contact_phone TEXT;
-- A laptop of an earlier schema dropped these fields from the models it pulled (it kept
-- the fields it knew): pull everything again once, merging as usual.
UPDATE [meta] SET value = '0' WHERE key = 'sync_checkpoint';
