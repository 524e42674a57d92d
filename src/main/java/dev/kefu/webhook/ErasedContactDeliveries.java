package dev.kefu.webhook;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactErased;

/**
 * The delivery log keeps each payload sent; those about an erased contact (its id in the payload) are dropped once
 * settled. Pending ones finish first: the receiving system is the organization's own, and the contact.updated event
 * that follows the erasure tells it the profile is now empty.
 */
@Component
class ErasedContactDeliveries {

	private final JdbcClient jdbc;

	ErasedContactDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ContactErased erased) {
		for (UUID contact : erased.contactIds()) {
			jdbc.sql("""
					DELETE FROM webhook_delivery
					WHERE organization_id = ? AND status IN ('DELIVERED', 'FAILED') AND payload LIKE ?""")
				.params(erased.organizationId(), "%" + contact + "%")
				.update();
		}
	}
}
