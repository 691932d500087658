-- Streamed record import (issue 11): a file's document row and its first page are committed first, so the
-- viewer shows page 1 at once, and the other pages follow in short transactions. importing = TRUE while pages
-- are still being stored; such a document is complete only once importing is FALSE (page_count set then).
-- A document still marked importing when the store opens was cut off (the program stopped): it is removed
-- whole, as a failed import always was. OCR waits until the import of a document is finished.
ALTER TABLE documents ADD COLUMN importing BOOLEAN DEFAULT FALSE NOT NULL;
