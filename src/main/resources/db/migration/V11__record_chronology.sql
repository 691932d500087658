-- One packet, many documents (issue 11): the documents found inside a stored record file, page ranges with
-- their kind, date and author; corrected = the reviewer changed it (kept when the split is recomputed).
CREATE TABLE record_segments (
    case_id     BIGINT NOT NULL,
    doc_id      VARCHAR(200) NOT NULL,
    first_page  INT NOT NULL,
    last_page   INT NOT NULL,
    kind        VARCHAR(40),
    doc_date    DATE,
    author      VARCHAR(200),
    title       VARCHAR(300),
    corrected   BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (case_id, doc_id, first_page),
    FOREIGN KEY (case_id, doc_id) REFERENCES documents (case_id, doc_id) ON DELETE CASCADE
);

-- Duplicate pages across a case: the page (doc_id, page_no) repeats (original_doc_id, original_page_no).
CREATE TABLE duplicate_pages (
    case_id           BIGINT NOT NULL,
    doc_id            VARCHAR(200) NOT NULL,
    page_no           INT NOT NULL,
    original_doc_id   VARCHAR(200) NOT NULL,
    original_page_no  INT NOT NULL,
    similarity        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (case_id, doc_id, page_no),
    FOREIGN KEY (case_id, doc_id) REFERENCES documents (case_id, doc_id) ON DELETE CASCADE
);

-- The rectangle an excerpt was selected from on the page image (fractions of the upright page).
CREATE TABLE excerpt_regions (
    case_id   BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position  INT NOT NULL,
    x         DOUBLE PRECISION NOT NULL,
    y         DOUBLE PRECISION NOT NULL,
    w         DOUBLE PRECISION NOT NULL,
    h         DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (case_id, position)
);
