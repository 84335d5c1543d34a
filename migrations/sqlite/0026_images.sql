-- Photos of posts (SQLite dialect; the PostgreSQL twin is migrations/postgres). Only re-encoded copies are
-- stored, never an upload as sent (server::images::encode). An image is uploaded first and waits, unattached
-- (post_id NULL) and visible to its uploader only, until the post that carries it is written.

CREATE TABLE images (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools (id),
    -- Never leaves the server: an anonymous post's photos must not name their author.
    uploader_id INTEGER NOT NULL REFERENCES users (id),
    post_id     INTEGER REFERENCES posts (id),
    -- 0-based place in the post's strip; NULL while unattached.
    position    INTEGER,
    -- The first 16 hex digits of the SHA-256 of the stored full-size bytes: the URL's content hash, which
    -- also makes an image's URL unguessable from its id.
    digest      TEXT NOT NULL,
    -- 'image/jpeg' or 'image/png' (the full size; the thumbnail is always JPEG).
    media_type  TEXT NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (post_id, position)
);
CREATE INDEX images_post_idx ON images (post_id, position);
-- The uploader's waiting images, counted at each upload and swept when abandoned.
CREATE INDEX images_waiting_idx ON images (uploader_id, created_at) WHERE post_id IS NULL;

-- The bytes, behind server::images::store::ImageStore. Keys are "<image id>/full" and "<image id>/thumb".
CREATE TABLE image_blobs (
    key   TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
);

-- A list shows the first photo's thumbnail without a second query: its key ("<id>-<digest>") and the count.
ALTER TABLE posts ADD COLUMN cover_image TEXT;
ALTER TABLE posts ADD COLUMN image_count INTEGER NOT NULL DEFAULT 0;
