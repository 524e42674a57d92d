-- organization module: tenants, their service centers, business (skill) groups and staff.
CREATE TABLE organization (
    id          UUID PRIMARY KEY,
    slug        VARCHAR(64)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE service_center (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organization (id),
    name            VARCHAR(200) NOT NULL,
    UNIQUE (organization_id, name)
);

CREATE TABLE business_group (
    id                    UUID PRIMARY KEY,
    organization_id       UUID NOT NULL REFERENCES organization (id),
    center_id             UUID NOT NULL REFERENCES service_center (id),
    name                  VARCHAR(200) NOT NULL,
    queue_limit           INT NOT NULL,
    offline_policy        VARCHAR(16) NOT NULL,
    requeue_after_minutes INT NOT NULL,
    UNIQUE (organization_id, name)
);

CREATE TABLE staff_member (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organization (id),
    username        VARCHAR(100) NOT NULL UNIQUE,
    password_hash   VARCHAR(200) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    roles           VARCHAR(200) NOT NULL,
    max_chats       INT NOT NULL,
    enabled         BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_member_org ON staff_member (organization_id);

CREATE TABLE group_member (
    group_id UUID NOT NULL REFERENCES business_group (id) ON DELETE CASCADE,
    staff_id UUID NOT NULL REFERENCES staff_member (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, staff_id)
);
CREATE INDEX group_member_staff ON group_member (staff_id);

-- Opening hours of a group, in the organization's time zone. No row for a day means closed that day;
-- no rows at all means always open.
CREATE TABLE business_hours (
    group_id    UUID NOT NULL REFERENCES business_group (id) ON DELETE CASCADE,
    day_of_week INT  NOT NULL,
    opens_at    TIME NOT NULL,
    closes_at   TIME NOT NULL,
    PRIMARY KEY (group_id, day_of_week, opens_at)
);

CREATE TABLE widget_settings (
    organization_id UUID PRIMARY KEY REFERENCES organization (id),
    title           VARCHAR(100) NOT NULL,
    primary_color   VARCHAR(16)  NOT NULL,
    greeting        VARCHAR(1000) NOT NULL,
    prechat_fields  VARCHAR(4000) NOT NULL,
    default_group_id UUID
);
