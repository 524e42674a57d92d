-- canned module: responses can be filed in a folder ("Billing", "Shipping"), by name; NULL is unfiled.
ALTER TABLE canned_response ADD COLUMN folder VARCHAR(64);
