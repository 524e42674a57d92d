package dev.kefu.notification;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactErased;

/**
 * An erased contact's mail (answers, transcripts) leaves the outbox: its address, subject and text are the
 * customer's. A mail still pending is dropped too: it would go to someone Kefu was asked to forget. Idempotent.
 */
@Component
class ErasedContactMail {

	private final JdbcClient jdbc;

	ErasedContactMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ContactErased erased) {
		for (UUID contact : erased.contactIds()) {
			jdbc.sql("DELETE FROM mail_outbox WHERE organization_id = ? AND contact_id = ?")
				.params(erased.organizationId(), contact)
				.update();
		}
	}
}
