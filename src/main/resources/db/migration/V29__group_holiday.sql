-- Dates on which a group keeps other hours than its week's: closed all day (no times) or open only from opens_at
-- to closes_at, in the organization's time zone.
CREATE TABLE group_holiday (
    group_id     UUID         NOT NULL REFERENCES business_group (id) ON DELETE CASCADE,
    holiday_date DATE         NOT NULL,
    name         VARCHAR(100) NOT NULL DEFAULT '',
    opens_at     TIME,
    closes_at    TIME,
    PRIMARY KEY (group_id, holiday_date)
);
