package dev.kefu.shared;

import static dev.kefu.shared.Permission.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * The five preset roles a staff member may hold (several at once). Each is a fixed set of permissions with the reach
 * it always had: an admin everything in the organization, a supervisor the groups they belong to. Roles an admin
 * defines are granted on top (see the organization module's StaffRoles); the presets are where a new one starts.
 */
public enum Role {
	ADMIN, SUPERVISOR, AGENT, QA_INSPECTOR, KB_EDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

	/** This role's permissions and their reach. */
	public Access preset() {
		Map<Permission, Reach> p = new EnumMap<>(Permission.class);
		put(p, Reach.ORGANIZATION, CONTACT_READ, CONTACT_EDIT);
		switch (this) {
			case ADMIN -> {
				return Access.everything();
			}
			case SUPERVISOR -> {
				put(p, Reach.ORGANIZATION, CONVERSATION_HANDLE, CONTACT_MERGE, TICKET_HANDLE, TICKET_MANAGE, CANNED_MANAGE,
						QA_REVIEW, QA_APPEALS, DATA_REVEAL, DATA_HOLD);
				put(p, Reach.MEMBER_GROUPS, CONVERSATION_READ, CONVERSATION_SUPERVISE, REPORT_READ);
			}
			case AGENT -> put(p, Reach.ORGANIZATION, CONVERSATION_HANDLE, TICKET_HANDLE);
			case QA_INSPECTOR -> {
				put(p, Reach.ORGANIZATION, CONVERSATION_READ, QA_REVIEW, QA_RUBRICS);
				put(p, Reach.MEMBER_GROUPS, REPORT_READ);
			}
			case KB_EDITOR -> put(p, Reach.ORGANIZATION, KB_EDIT, KB_PUBLISH);
		}
		return new Access(p);
	}

	private static void put(Map<Permission, Reach> map, Reach reach, Permission... permissions) {
		for (Permission permission : permissions) {
			map.put(permission, reach);
		}
	}
}
