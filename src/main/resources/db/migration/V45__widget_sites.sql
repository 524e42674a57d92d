-- organization module: the sites allowed to embed the widget (issue #15, item 7), e.g. https://shop.example.com or
-- https://*.example.com. None at all means every site may, as before. position keeps the admin's order.
CREATE TABLE widget_site (
    organization_id UUID         NOT NULL REFERENCES organization (id),
    position        INTEGER      NOT NULL,
    origin          VARCHAR(300) NOT NULL,
    PRIMARY KEY (organization_id, origin)
);
