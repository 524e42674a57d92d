-- knowledge module: articles and FAQ entries, their categories, tags, similar phrasings, every edit as a version,
-- and the help center's "did this help?" votes.

CREATE TABLE kb_category (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    parent_id       UUID REFERENCES kb_category (id),
    name            VARCHAR(200) NOT NULL,
    position        INT NOT NULL DEFAULT 0
);
CREATE INDEX kb_category_org ON kb_category (organization_id);

-- An FAQ entry keeps its standard question in title and its answer in body; an article its title and Markdown.
-- version counts edits; updated_at drives the other nodes' index refresh.
CREATE TABLE kb_article (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    title           VARCHAR(500) NOT NULL,
    body            VARCHAR(200000) NOT NULL,
    category_id     UUID REFERENCES kb_category (id),
    status          VARCHAR(16)  NOT NULL,
    owner_id        UUID,
    review_by       DATE,
    version         INT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      UUID NOT NULL,
    helpful         INT NOT NULL DEFAULT 0,
    not_helpful     INT NOT NULL DEFAULT 0
);
CREATE INDEX kb_article_org_updated ON kb_article (organization_id, updated_at);
CREATE INDEX kb_article_updated ON kb_article (updated_at);

CREATE TABLE kb_article_tag (
    article_id UUID NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
    tag        VARCHAR(64) NOT NULL,
    PRIMARY KEY (article_id, tag)
);

-- Other ways customers ask an FAQ entry's question; the matcher learns from each.
CREATE TABLE kb_phrasing (
    article_id UUID NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
    position   INT  NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- Each saved state of an article, the current one included, as it was saved: tags and phrasings as JSON arrays.
CREATE TABLE kb_article_version (
    article_id  UUID NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
    version     INT  NOT NULL,
    title       VARCHAR(500) NOT NULL,
    body        VARCHAR(200000) NOT NULL,
    category_id UUID,
    status      VARCHAR(16) NOT NULL,
    owner_id    UUID,
    review_by   DATE,
    tags        VARCHAR(20000) NOT NULL,
    phrasings   VARCHAR(200000) NOT NULL,
    edited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_by   UUID NOT NULL,
    PRIMARY KEY (article_id, version)
);

-- Pictures uploaded into articles; the bytes live in the data folder like chat attachments.
CREATE TABLE kb_image (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID NOT NULL
);
