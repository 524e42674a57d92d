package dev.kefu.crm;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;
import io.swagger.v3.oas.annotations.Operation;

/** Staff read a contact's CRM card next to the chat; a contact of another organization is not found. */
@RestController
class CardController {

	private final CrmCards cards;

	CardController(CrmCards cards) {
		this.cards = cards;
	}

	@GetMapping("/api/v1/contacts/{contactId}/card")
	@Operation(summary = "The contact's CRM card: ok, loading (ask again), unavailable (with the reason) or not-configured")
	CrmCard card(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID contactId,
			@RequestParam(defaultValue = "false") boolean refresh) {
		return cards.card(caller.organizationId(), contactId, refresh);
	}
}
