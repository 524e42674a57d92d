package dev.kefu.shared;

/** What a staff member may do. A user may hold several roles. */
public enum Role {
	ADMIN, SUPERVISOR, AGENT, QA_INSPECTOR, KB_EDITOR;

	public String authority() {
		return "ROLE_" + name();
	}
}
