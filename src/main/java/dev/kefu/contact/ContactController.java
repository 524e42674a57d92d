package dev.kefu.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

/**
 * Staff list, search, view and edit contacts, see each one's history, and merge two that are one customer. A merged
 * contact's id keeps working everywhere here: it reaches the survivor.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

	/** How many of each part of a history the contact's page shows. */
	static final int HISTORY_LIMIT = 100;

	private final Contacts contacts;
	private final ContactList list;
	private final ContactMerge merge;
	private final List<ContactHistory> history;

	ContactController(Contacts contacts, ContactList list, ContactMerge merge, List<ContactHistory> history) {
		this.contacts = contacts;
		this.list = list;
		this.merge = merge;
		this.history = history;
	}

	@Schema(description = "Which contact to merge into the one in the path; it becomes a tombstone naming it")
	record MergeRequest(@Schema(example = "0192f1e4-6e00-7c1e-9d3b-2a4c5e6f7a8b") @Nullable UUID from) {
	}

	@GetMapping
	@Operation(summary = "The organization's contacts, newest activity first; q finds a piece of the name, e-mail, "
			+ "phone or the host site's user id, or an exact contact id. Merged contacts are left out")
	ContactList.Page search(@AuthenticationPrincipal StaffCaller caller,
			@Parameter(description = "text to look for (at most 200 characters)", example = "li.lei@") @RequestParam(
					required = false) @Nullable String q,
			@Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "contacts per page, 1-100 (default 25)") @RequestParam(
					defaultValue = "25") int size) {
		return list.search(caller.organizationId(), q, page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A contact's profile; a merged contact's id answers its survivor")
	Contact get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return contacts.require(caller.organizationId(), id);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "A contact with its history: {contact, conversations, tickets}, each list newest first "
			+ "(at most 100). Kept apart from the profile, which the desk reads for every chat")
	Map<String, Object> history(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		Contact contact = contacts.require(caller.organizationId(), id);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("contact", contact);
		history.forEach(part -> answer.put(part.part(), part.of(caller.organizationId(), contact.id(), HISTORY_LIMIT)));
		return answer;
	}

	@PatchMapping("/{id}")
	Contact update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody ContactProfile profile) {
		return contacts.update(caller.organizationId(), id, profile);
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merges contact `from` into this one (supervisors and admins): this one keeps its fields and "
			+ "gains the other's missing ones, their conversations and left messages become this one's, and `from` "
			+ "then answers as this one. 409 verified-identities-differ when both are verified by the host site")
	Contact merge(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody MergeRequest request, HttpServletRequest http) {
		if (request.from() == null) {
			throw new RequestRejected("invalid-from", "from must name the contact to merge into this one");
		}
		return merge.merge(caller, id, request.from(), http.getRemoteAddr());
	}
}
