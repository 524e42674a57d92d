package dev.kefu.contact;

import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Permission;
import dev.kefu.shared.StaffCaller;

/**
 * Who may export or erase a contact's data and put it under legal hold: a person holding {@code data.export},
 * {@code data.erase} or {@code data.hold} (admins all three, supervisors holds), never an API token.
 */
final class DataRights {

	private DataRights() {
	}

	static void requireExport(StaffCaller caller) {
		person(caller);
		caller.require(Permission.DATA_EXPORT);
	}

	static void requireErase(StaffCaller caller) {
		person(caller);
		caller.require(Permission.DATA_ERASE);
	}

	static void requireLegalHold(StaffCaller caller) {
		person(caller);
		caller.require(Permission.DATA_HOLD);
	}

	private static void person(StaffCaller caller) {
		if (caller.apiToken()) {
			throw new AccessDenied("a data subject's rights are exercised by a person, not an API token");
		}
	}
}
