-- storage module: files kept in the database (kefu.storage.type=database), so every node of a cluster serves every
-- file. A file is split into parts of 256 KiB, read one at a time; plain BYTEA rows behave the same on H2 and
-- PostgreSQL, where large objects do not. Part 0 always exists, even for an empty file.
CREATE TABLE stored_file_part (
    area      VARCHAR(50)  NOT NULL,
    file_key  VARCHAR(300) NOT NULL,
    part      INTEGER      NOT NULL,
    content   BYTEA        NOT NULL,
    PRIMARY KEY (area, file_key, part)
);
