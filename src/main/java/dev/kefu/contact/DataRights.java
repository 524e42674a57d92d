package dev.kefu.contact;

import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.StaffCaller;

/**
 * Who may export or erase a contact's data and put it under legal hold: the one place to change when named
 * permissions ({@code data.erase}) come. Admins for export and erasure; admins and supervisors for legal holds.
 */
final class DataRights {

	private DataRights() {
	}

	static void requireExportOrErase(StaffCaller caller) {
		if (caller.apiToken() || !caller.has(dev.kefu.shared.Role.ADMIN)) {
			throw new AccessDenied("only admins export or erase a contact's data");
		}
	}

	static void requireLegalHold(StaffCaller caller) {
		if (caller.apiToken() || !caller.supervises()) {
			throw new AccessDenied("only admins and supervisors set or clear a legal hold");
		}
	}
}
