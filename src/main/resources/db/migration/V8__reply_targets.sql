-- How long a customer may wait for an agent's reply before the desk shows the chat amber (warn) and red (alert).
-- Per group, since a VIP line and a general line promise different speeds; the supervisor view and the
-- first-response KPI use the warn value as the group's target.
ALTER TABLE business_group ADD COLUMN reply_warn_seconds INT NOT NULL DEFAULT 60;
ALTER TABLE business_group ADD COLUMN reply_alert_seconds INT NOT NULL DEFAULT 180;
