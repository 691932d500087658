-- The clinical record's pages: their text (for search and excerpts), which pages the reviewer opened.
ALTER TABLE documents ADD COLUMN page_count INT;
ALTER TABLE documents ADD COLUMN media_kind VARCHAR(10);

CREATE TABLE record_pages (
    case_id   BIGINT NOT NULL,
    doc_id    VARCHAR(200) NOT NULL,
    page_no   INT NOT NULL,
    text      CHARACTER VARYING,
    PRIMARY KEY (case_id, doc_id, page_no),
    FOREIGN KEY (case_id, doc_id) REFERENCES documents (case_id, doc_id) ON DELETE CASCADE
);

CREATE TABLE pages_opened (
    case_id       BIGINT NOT NULL,
    doc_id        VARCHAR(200) NOT NULL,
    page_no       INT NOT NULL,
    first_opened  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, doc_id, page_no),
    FOREIGN KEY (case_id, doc_id) REFERENCES documents (case_id, doc_id) ON DELETE CASCADE
);
