package dev.kefu.channel.email;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One mail read from the mailbox, as Kefu needs it: who wrote it, what it says (as safe text), its files, the
 * Message-IDs it answers (In-Reply-To first, then References from the newest), the addresses it was sent to, and
 * whether a person wrote it at all.
 */
record IncomingMail(String messageId, String from, @Nullable String fromName, String subject, String text,
		List<File> files, List<String> answers, List<String> recipients, Kind kind, @Nullable String why,
		@Nullable Bounce bounce) {

	/** Who wrote it: a customer, a machine (auto-reply, list, loop), a mail server reporting a failure, or Kefu. */
	enum Kind {
		PERSON, AUTOMATIC, BOUNCE, OWN
	}

	record File(String name, String contentType, byte[] content) {
	}

	/** A delivery status notification: the Message-ID of the mail that failed and why, as the server said it. */
	record Bounce(@Nullable String originalMessageId, String reason) {
	}
}
