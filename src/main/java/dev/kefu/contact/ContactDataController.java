package dev.kefu.contact;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.kefu.shared.StaffCaller;

/** A contact's data-subject rights: export, erasure, and the legal hold that stops erasure and retention. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
class ContactDataController {

	private final ContactExport export;
	private final ContactErasure erasure;
	private final LegalHolds holds;

	ContactDataController(ContactExport export, ContactErasure erasure, LegalHolds holds) {
		this.export = export;
		this.erasure = erasure;
		this.holds = holds;
	}

	@Schema(description = "Why the contact's data must be kept (a dispute, a regulator's request)")
	record HoldRequest(@Schema(example = "Complaint 2026-117 under review") @Nullable String reason) {
	}

	@GetMapping("/export")
	@Operation(summary = "Admins: everything Kefu keeps about the contact as a zip: contact.json (profile, "
			+ "conversations with messages, notes and visits, left messages with answers, tags, channel identities) "
			+ "and the attachments below files/. Audited as contact.exported")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			HttpServletRequest http) {
		ContactExport.Prepared prepared = export.prepare(caller, id, http.getRemoteAddr());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("contact-" + prepared.contactId() + ".zip")
				.build()
				.toString())
			.body(out -> ContactExport.write(prepared, out));
	}

	@PostMapping("/erase")
	@Operation(summary = "Admins: erases the contact: profile blanked, messages and notes read \"[erased]\", "
			+ "attachments deleted, channel ids and addresses removed; report counts are kept. 409 "
			+ "contact-under-legal-hold while a hold is set. Audited as contact.erased")
	Map<String, Object> erase(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			HttpServletRequest http) {
		ContactErased erased = erasure.erase(caller, id, http.getRemoteAddr());
		return Map.of("contactId", erased.contactId(), "erasedAt", erased.at(), "contactIds", erased.contactIds());
	}

	@GetMapping("/legal-hold")
	@Operation(summary = "The contact's legal hold: {held, hold} where hold is who set it, when and why")
	Map<String, Object> hold(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return holds.of(caller.organizationId(), id)
			.<Map<String, Object>>map(hold -> Map.of("held", true, "hold", hold))
			.orElse(Map.of("held", false));
	}

	@PutMapping("/legal-hold")
	@Operation(summary = "Admins and supervisors: puts the contact under legal hold, with a reason (1-500 "
			+ "characters): the retention job skips its data and erasure is refused")
	LegalHold setHold(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody HoldRequest request, HttpServletRequest http) {
		return holds.set(caller, id, request.reason(), http.getRemoteAddr());
	}

	@DeleteMapping("/legal-hold")
	@Operation(summary = "Admins and supervisors: lifts the contact's legal hold")
	ResponseEntity<Void> clearHold(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			HttpServletRequest http) {
		holds.clear(caller, id, http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}
}
