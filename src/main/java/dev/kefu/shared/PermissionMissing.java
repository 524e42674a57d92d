package dev.kefu.shared;

/** The caller lacks a named permission: answered as 403 {@code forbidden}, naming it in the detail. */
public class PermissionMissing extends AccessDenied {

	private final Permission permission;

	public PermissionMissing(Permission permission) {
		super("you lack the permission " + permission.key());
		this.permission = permission;
	}

	public Permission permission() {
		return permission;
	}
}
