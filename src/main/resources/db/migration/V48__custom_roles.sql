-- organization module: roles an admin defines (named permissions) and their grants to staff, each for the whole
-- organization, one service center or one group. The five preset roles stay on staff_member.roles.
CREATE TABLE staff_role (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organization (id),
    name            VARCHAR(80)  NOT NULL,
    description     VARCHAR(500),
    permissions     VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (organization_id, name)
);

-- scope_id is the organization's, the center's or the group's id, so that one grant is never held twice.
CREATE TABLE staff_role_grant (
    staff_id        UUID NOT NULL REFERENCES staff_member (id) ON DELETE CASCADE,
    role_id         UUID NOT NULL REFERENCES staff_role (id) ON DELETE CASCADE,
    organization_id UUID NOT NULL REFERENCES organization (id),
    scope           VARCHAR(16) NOT NULL,
    scope_id        UUID NOT NULL,
    PRIMARY KEY (staff_id, role_id, scope, scope_id)
);
CREATE INDEX staff_role_grant_role ON staff_role_grant (role_id);
