-- OCR of scanned record pages (issue 11): which pages need OCR and how far it got, the recognised words'
-- boxes (places in the page text with their rectangles), the turn that shows a page upright.
-- ocr_state: NULL = the page's own text layer is used; PENDING = waits for OCR (also after a restart);
-- DONE = the text column holds the OCR text; CANCELLED = the reviewer stopped it (can be started again);
-- FAILED = the page image could not be read.
ALTER TABLE record_pages ADD COLUMN ocr_state VARCHAR(10);
ALTER TABLE record_pages ADD COLUMN rotation INT DEFAULT 0 NOT NULL;
ALTER TABLE record_pages ADD COLUMN confidence INT;
ALTER TABLE record_pages ADD COLUMN words CHARACTER VARYING;
CREATE INDEX record_pages_ocr_state ON record_pages (ocr_state);
