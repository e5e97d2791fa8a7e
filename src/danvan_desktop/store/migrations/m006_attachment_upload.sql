-- Frozen at its release: the hash of the file the server holds for an attachment
-- (a photo down-scaled for the link), when it is not the original. Never edit.
ALTER TABLE [attachment] ADD COLUMN upload_sha256 TEXT;
