package dev.kefu.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;
import dev.kefu.ticket.TicketThreads;

/**
 * For the desk's answer box: where an answer to this left message will go (e-mailed to an address, or only shown in
 * the widget, and why), and what became of the answers mailed so far.
 */
@RestController
class TicketMailController {

	private final SystemMail mail;
	private final AnswerMail answers;
	private final TicketThreads threads;

	TicketMailController(SystemMail mail, AnswerMail answers, TicketThreads threads) {
		this.mail = mail;
		this.answers = answers;
		this.threads = threads;
	}

	/**
	 * {@code emailed}: an answer sent now is mailed to {@code address}. Otherwise {@code reason} says why not:
	 * {@code mail-not-configured} (this server has no SMTP server) or {@code no-address} (the customer gave none).
	 * {@code mails}: the answers' mails, each keyed {@code ticket-answer:<entry id>}.
	 */
	record AnswerDelivery(boolean configured, boolean emailed, @Nullable String address, @Nullable String reason,
			List<MailState> mails) {
	}

	@GetMapping("/api/v1/tickets/{ticketId}/mail")
	AnswerDelivery delivery(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID ticketId) {
		TicketThreads.TicketThread thread = threads.find(caller.organizationId(), ticketId)
			.orElseThrow(() -> new ResourceNotFound("ticket", ticketId));
		String address = answers.address(caller.organizationId(), thread).orElse(null);
		boolean configured = mail.configured();
		String reason = !configured ? "mail-not-configured" : address == null ? "no-address" : null;
		List<MailState> mails = mail.about(caller.organizationId(), ticketId).stream()
			.filter(m -> AnswerMail.KIND.equals(m.kind()))
			.toList();
		return new AnswerDelivery(configured, reason == null, address, reason, mails);
	}
}
