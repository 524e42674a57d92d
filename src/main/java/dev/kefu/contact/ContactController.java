package dev.kefu.contact;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** Staff view and edit a contact's profile. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

	private final Contacts contacts;

	ContactController(Contacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/{id}")
	Contact get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return contacts.require(caller.organizationId(), id);
	}

	@PatchMapping("/{id}")
	Contact update(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody ContactProfile profile) {
		return contacts.update(caller.organizationId(), id, profile);
	}
}
