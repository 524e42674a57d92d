-- webhook module: a dispatcher claims a round's deliveries with one UPDATE and reads back the rows it won by this
-- random round id, instead of one claim (and one commit) per delivery.
ALTER TABLE webhook_delivery ADD COLUMN lease_owner UUID;
