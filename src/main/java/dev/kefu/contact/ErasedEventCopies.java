package dev.kefu.contact;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * The event publication registry keeps a copy of every event it delivered, message text and profiles among them.
 * Once complete a copy is only a record of delivery, so an erasure drops all completed copies: the erased contact's
 * are among them, and the registry keeps nothing it needs. (The retention job drops them nightly too.)
 */
@Component
class ErasedEventCopies {

	private final CompletedEventPublications completed;

	ErasedEventCopies(CompletedEventPublications completed) {
		this.completed = completed;
	}

	@ApplicationModuleListener
	void on(ContactErased erased) {
		completed.deletePublicationsOlderThan(Duration.ZERO);
	}
}
