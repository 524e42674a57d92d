-- One row that nodes lock while they provision (the demo, the first organization from configuration), so that
-- nodes starting together on an empty database take turns instead of racing on organization_slug_key.
CREATE TABLE provisioning_lock (
    id INT PRIMARY KEY
);
INSERT INTO provisioning_lock (id) VALUES (1);
